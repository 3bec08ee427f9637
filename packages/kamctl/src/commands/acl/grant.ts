import { Args, Flags } from '@oclif/core';

import { KamctlCommand } from '../../cli/kamctl-command.js';
import { verifyUser } from '../../cli/verify-user.js';
import { AclRepository } from '../../db/acl-repository.js';
import { sqlNow } from '../../db/open-database.js';
import { formatRows } from '../../output/format-rows.js';
import { formatAccount, parseAccount } from '../../validate/aor.js';
import { validateGroupName } from '../../validate/group-name.js';

export default class AclGrant extends KamctlCommand {
  static override summary = 'add a user to groups (VERIFY_ACL=1: only names in ACL_GROUPS)';
  static override strict = false;
  static override args = {
    user: Args.string({ description: 'user or user@domain', required: true }),
    group: Args.string({ description: 'group name; more may follow', required: true }),
  };
  static override flags = { force: Flags.boolean({ description: 'do not check that the user is a subscriber (VERIFY_USER)', default: false }) };

  async run(): Promise<void> {
    const { args, argv, flags } = await this.parseCommand(AclGrant);
    const account = parseAccount(args.user, this.settings.sipDomain);
    const { tables, verifyAcl, aclGroups, verifyUser: verify } = this.settings;
    // Every name is checked before anything is written: one bad name refuses the whole grant.
    const groups = [...new Set(argv.slice(1).map((g) => validateGroupName(g, verifyAcl ? aclGroups : undefined)))];
    const { granted, already, rows } = await this.inTransaction(async (trx) => {
      if (verify) await verifyUser(trx, tables.subscriber, account, flags.force);
      const acl = new AclRepository(trx, tables.grp);
      const granted: string[] = [];
      const already: string[] = [];
      const now = sqlNow();
      for (const group of groups) {
        if (await acl.has(account, group)) already.push(group);
        else {
          await acl.grant(account, group, now);
          granted.push(group);
        }
      }
      return { granted, already, rows: await acl.list(account) };
    });
    if (already.length) this.notice(`${formatAccount(account)} already in ${already.join(', ')}`);
    this.output({ user: account, granted, already, groups: rows }, formatRows(rows, ['id', 'username', 'domain', 'grp', 'last_modified']));
  }
}
