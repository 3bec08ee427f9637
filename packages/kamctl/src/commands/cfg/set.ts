import { Args } from '@oclif/core';
import { asInt, asStr } from '@kamkit/rpc';

import { KamctlError } from '../../cli/exit-codes.js';
import { KamctlCommand } from '../../cli/kamctl-command.js';
import { cfgValue, describeCfgVariable } from '../../rpc/cfg-variable.js';
import { RpcCallError } from '../../rpc/rpc-session.js';

export default class CfgSet extends KamctlCommand {
  static override summary = "set a cfg variable now; the value is checked against the variable's type first";
  static override args = {
    group: Args.string({ description: 'cfg group', required: true }),
    name: Args.string({ description: 'variable', required: true }),
    value: Args.string({ description: 'new value', required: true }),
  };

  async run(): Promise<void> {
    const { args } = await this.parseCommand(CfgSet);
    const variable = await describeCfgVariable(await this.rpcClient(), args.group, args.name);
    const value = cfgValue(variable, args.value);
    try {
      if (typeof value === 'number') await this.rpc('cfg.set_now_int', args.group, args.name, asInt(value));
      else await this.rpc('cfg.set_now_string', args.group, args.name, asStr(value));
    } catch (error) {
      // cfg_rpc says only "Failed to set the variable" (e.g. out of the variable's range).
      if (error instanceof RpcCallError) {
        throw new KamctlError(
          `${args.group}.${args.name} (${variable.type}${variable.description ? `: ${variable.description}` : ''}) refused ${JSON.stringify(args.value)}: ${error.fault.code} - ${error.fault.message}`,
        );
      }
      throw error;
    }
    this.output({ group: args.group, name: args.name, type: variable.type, value }, `${args.group}.${args.name} = ${value}`);
  }
}
