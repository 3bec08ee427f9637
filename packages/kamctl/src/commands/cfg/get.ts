import { Args } from '@oclif/core';

import { KamctlCommand } from '../../cli/kamctl-command.js';
import { checkCfgNames } from '../../rpc/cfg-variable.js';

export default class CfgGet extends KamctlCommand {
  static override summary = 'read a cfg variable, or every variable of a group (cfg.get)';
  static override args = {
    group: Args.string({ description: 'cfg group, e.g. core, tm, or group[id]', required: true }),
    name: Args.string({ description: 'variable (default: the whole group)' }),
  };

  async run(): Promise<void> {
    const { args } = await this.parseCommand(CfgGet);
    checkCfgNames(args.group, args.name);
    this.outputRpcResult(await (args.name === undefined ? this.rpc('cfg.get', args.group) : this.rpc('cfg.get', args.group, args.name)));
  }
}
