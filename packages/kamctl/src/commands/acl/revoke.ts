import { Args } from '@oclif/core';

import { KamctlCommand } from '../../cli/kamctl-command.js';
import { AclRepository } from '../../db/acl-repository.js';
import { parseAccount } from '../../validate/aor.js';
import { validateGroupName } from '../../validate/group-name.js';

export default class AclRevoke extends KamctlCommand {
  static override summary = 'remove a user from one group, or from all its groups';
  static override args = {
    user: Args.string({ description: 'user or user@domain', required: true }),
    group: Args.string({ description: 'group name (default: every group)' }),
  };

  async run(): Promise<void> {
    const { args } = await this.parseCommand(AclRevoke);
    const account = parseAccount(args.user, this.settings.sipDomain);
    const group = args.group === undefined ? undefined : validateGroupName(args.group, undefined);
    const revoked = await this.inTransaction((trx) => new AclRepository(trx, this.settings.tables.grp).revoke(account, group));
    this.output({ user: account, group: group ?? null, revoked }, `${revoked} membership(s) revoked`);
  }
}
