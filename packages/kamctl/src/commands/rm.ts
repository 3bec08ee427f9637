import { Args, Flags } from '@oclif/core';

import { KamctlError } from '../cli/exit-codes.js';
import { KamctlCommand } from '../cli/kamctl-command.js';
import { AclRepository } from '../db/acl-repository.js';
import { AliasRepository } from '../db/alias-repository.js';
import { SubscriberRepository } from '../db/subscriber-repository.js';
import { formatAccount, parseAccount } from '../validate/aor.js';
import { RpcCallError, ServerUnreachableError } from '../rpc/rpc-session.js';

export default class Rm extends KamctlCommand {
  static override summary = 'delete a subscriber, its group memberships and the aliases pointing at it; then its registrations';
  static override args = { user: Args.string({ description: 'user or user@domain', required: true }) };
  static override flags = {
    location: Flags.boolean({ description: 'also remove its contacts from usrloc (ul.rm) when the server is reachable', default: true, allowNo: true }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parseCommand(Rm);
    const account = parseAccount(args.user, this.settings.sipDomain);
    const { tables } = this.settings;
    const removed = await this.inTransaction(async (trx) => {
      const subscribers = new SubscriberRepository(trx, tables.subscriber);
      if (!(await subscribers.exists(account))) throw new KamctlError(`non-existent user '${formatAccount(account)}'`);
      const groups = await new AclRepository(trx, tables.grp).revoke(account);
      const aliases = await new AliasRepository(trx, tables.dbaliases).removeTargeting(account);
      await subscribers.remove(account);
      return { subscriber: account, groups, aliases };
    });
    let location: string = 'skipped';
    if (flags.location) {
      try {
        await this.rpc('ul.rm', 'location', formatAccount(account));
        location = 'removed';
      } catch (error) {
        if (!(error instanceof ServerUnreachableError || error instanceof RpcCallError)) throw error;
        location = error instanceof RpcCallError ? `not removed: ${error.message}` : 'server not reachable';
        this.notice(`user removed from the database; usrloc ${location}`);
      }
    }
    this.output({ removed: { ...removed, location } });
  }
}
