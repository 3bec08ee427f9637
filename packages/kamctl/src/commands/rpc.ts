import { Args } from '@oclif/core';
import { formatJson, parseCliTokens } from '@kamkit/rpc';

import { KamctlCommand } from '../cli/kamctl-command.js';
import { ValidationError } from '../validate/validation-error.js';

export default class Rpc extends KamctlCommand {
  static override summary = 'call any RPC method; parameters typed as kamcmd does (42 int, 1.5 double, s:42 string)';
  static override strict = false;
  static override args = { method: Args.string({ description: 'method, e.g. core.echo', required: true }) };
  static override examples = ['kamctl rpc core.echo hello s:42 42', 'kamctl rpc -- cfg.set_now_int core debug -1'];

  async run(): Promise<void> {
    const { args, argv } = await this.parseCommand(Rpc);
    if (!/^[\w.]+$/.test(args.method)) throw new ValidationError('method', args.method, 'letters, digits, _ and . only');
    const result = await this.rpc(args.method, ...parseCliTokens(argv.slice(1)));
    // kamctl prints the JSON-RPC result; with --json the same document.
    this.output(result ?? null, formatJson(result ?? null));
  }
}
