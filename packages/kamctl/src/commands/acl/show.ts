import { Args, Flags } from '@oclif/core';

import { KamctlCommand } from '../../cli/kamctl-command.js';
import { verifyUser } from '../../cli/verify-user.js';
import { AclRepository } from '../../db/acl-repository.js';
import { formatRows } from '../../output/format-rows.js';
import { parseAccount } from '../../validate/aor.js';

export default class AclShow extends KamctlCommand {
  static override summary = 'show group memberships (table grp), of one user or of all';
  static override args = { user: Args.string({ description: 'user or user@domain' }) };
  static override flags = { force: Flags.boolean({ description: 'do not check that the user is a subscriber (VERIFY_USER)', default: false }) };

  async run(): Promise<void> {
    const { args, flags } = await this.parseCommand(AclShow);
    const account = args.user === undefined ? undefined : parseAccount(args.user, this.settings.sipDomain);
    const { tables, verifyUser: verify } = this.settings;
    const rows = await this.withDatabase('ro', async (db) => {
      if (account && verify) await verifyUser(db, tables.subscriber, account, flags.force);
      return new AclRepository(db, tables.grp).list(account);
    });
    this.output(rows, formatRows(rows, ['id', 'username', 'domain', 'grp', 'last_modified']));
  }
}
