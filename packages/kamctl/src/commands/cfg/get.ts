import { Args } from '@oclif/core';

import { KamctlCommand } from '../../cli/kamctl-command.js';
import { UsageError } from '../../cli/exit-codes.js';

export default class CfgGet extends KamctlCommand {
  static override summary = 'read a cfg variable, or every variable of a group (cfg.get)';
  static override args = {
    group: Args.string({ description: 'cfg group, e.g. core, tm, or group[id]', required: true }),
    name: Args.string({ description: 'variable (default: the whole group)' }),
  };

  async run(): Promise<void> {
    const { args } = await this.parseCommand(CfgGet);
    if (!/^[A-Za-z_]\w*(\[\d+\])?$/.test(args.group)) throw new UsageError(`invalid cfg group ${JSON.stringify(args.group)}`);
    if (args.name !== undefined && !/^[A-Za-z_]\w*$/.test(args.name)) throw new UsageError(`invalid cfg variable ${JSON.stringify(args.name)}`);
    this.outputRpcResult(await (args.name === undefined ? this.rpc('cfg.get', args.group) : this.rpc('cfg.get', args.group, args.name)));
  }
}
