import { Args, Flags } from '@oclif/core';

import { KamctlCommand } from '../../cli/kamctl-command.js';
import { formatAccount, parseAccount } from '../../validate/aor.js';
import { validateSipUri } from '../../validate/sip-uri.js';

export default class UlRm extends KamctlCommand {
  static override summary = 'remove the registrations of an AoR (ul.rm), or one contact (ul.rm_contact)';
  static override args = {
    aor: Args.string({ description: 'user or user@domain', required: true }),
    contact: Args.string({ description: 'contact URI to remove (default: all contacts)' }),
  };
  static override flags = { table: Flags.string({ description: 'usrloc domain (table)', default: 'location' }) };

  async run(): Promise<void> {
    const { args, flags } = await this.parseCommand(UlRm);
    const aor = formatAccount(parseAccount(args.aor, this.settings.sipDomain));
    if (args.contact === undefined) await this.rpc('ul.rm', flags.table, aor);
    else await this.rpc('ul.rm_contact', flags.table, aor, validateSipUri(args.contact, 'contact', 512));
    this.output({ removed: { aor, contact: args.contact ?? null } });
  }
}
