import { Args } from '@oclif/core';

import { KamctlError } from '../cli/exit-codes.js';
import { KamctlCommand } from '../cli/kamctl-command.js';
import { SubscriberRepository } from '../db/subscriber-repository.js';
import { formatRows } from '../output/format-rows.js';
import { formatAccount, parseAccount } from '../validate/aor.js';

export default class Show extends KamctlCommand {
  static override summary = "show a subscriber's row";
  static override args = { user: Args.string({ description: 'user or user@domain', required: true }) };

  async run(): Promise<void> {
    const { args } = await this.parseCommand(Show);
    const account = parseAccount(args.user, this.settings.sipDomain);
    const row = await this.withDatabase('ro', (db) => new SubscriberRepository(db, this.settings.tables.subscriber).find(account));
    if (!row) throw new KamctlError(`non-existent user '${formatAccount(account)}'`);
    this.output(row, formatRows([row]));
  }
}
