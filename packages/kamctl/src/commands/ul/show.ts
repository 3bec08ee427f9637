import { Args, Flags } from '@oclif/core';

import { KamctlCommand } from '../../cli/kamctl-command.js';
import { formatAccount, parseAccount } from '../../validate/aor.js';

export default class UlShow extends KamctlCommand {
  static override summary = 'show registrations: all (ul.dump) or of one AoR (ul.lookup)';
  static override args = { aor: Args.string({ description: 'user or user@domain' }) };
  static override flags = {
    brief: Flags.boolean({ description: 'AoRs only (ul.dump brief)', default: false }),
    table: Flags.string({ description: 'usrloc domain (table)', default: 'location' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parseCommand(UlShow);
    if (args.aor === undefined) {
      this.outputRpcResult(await (flags.brief ? this.rpc('ul.dump', 'brief') : this.rpc('ul.dump')));
      return;
    }
    const account = parseAccount(args.aor, this.settings.sipDomain);
    this.outputRpcResult(await this.rpc('ul.lookup', flags.table, formatAccount(account)));
  }
}
