import { Args } from '@oclif/core';
import { asInt, asStr } from '@kamkit/rpc';

import { KamctlError } from '../../cli/exit-codes.js';
import { KamctlCommand } from '../../cli/kamctl-command.js';
import { catalogueCfgVariable, cfgValue, checkCfgNames, formatCfgVariable, serverCfgVariable } from '../../rpc/cfg-variable.js';
import { RpcCallError } from '../../rpc/rpc-session.js';

export default class CfgSet extends KamctlCommand {
  static override summary = "set a cfg variable now; the value is checked against the variable's type, range and description first";
  static override args = {
    group: Args.string({ description: 'cfg group', required: true }),
    name: Args.string({ description: 'variable', required: true }),
    value: Args.string({ description: 'new value', required: true }),
  };

  async run(): Promise<void> {
    const { args } = await this.parseCommand(CfgSet);
    checkCfgNames(args.group, args.name);
    // Kamailio's own variables are checked against the catalogue (type, range) before the server is
    // even contacted; cfg_rpc does not publish ranges. Script and other modules' groups are described
    // by the server (cfg.list, cfg.help).
    const known = catalogueCfgVariable(args.group, args.name);
    const variable = known ?? (await serverCfgVariable(await this.rpcClient(), args.group, args.name));
    const value = cfgValue(variable, args.value);
    try {
      if (typeof value === 'number') await this.rpc('cfg.set_now_int', args.group, args.name, asInt(value));
      else await this.rpc('cfg.set_now_string', args.group, args.name, asStr(value));
    } catch (error) {
      if (!(error instanceof RpcCallError)) throw error;
      // cfg_rpc says only "Failed to set the variable". A catalogue variable may be missing from this
      // server (module not loaded): asking cfg.list then says so, as a usage error.
      if (known) await serverCfgVariable(await this.rpcClient(), args.group, args.name);
      throw new KamctlError(`${formatCfgVariable(variable)} refused ${JSON.stringify(args.value)}: ${error.fault.code} - ${error.fault.message}`);
    }
    const range = variable.range ? { range: variable.range } : {};
    this.output({ group: args.group, name: args.name, type: variable.type, ...range, value }, `${args.group}.${args.name} = ${value}`);
  }
}
