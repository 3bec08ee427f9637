import { Args } from '@oclif/core';

import { KamctlCommand } from '../../cli/kamctl-command.js';
import { SpeedDialRepository } from '../../db/speed-dial-repository.js';
import { formatRows } from '../../output/format-rows.js';
import { parseAccount } from '../../validate/aor.js';

export const SPEED_DIAL_COLUMNS = ['username', 'domain', 'sd_username', 'sd_domain', 'new_uri', 'description'];

export default class SpeeddialList extends KamctlCommand {
  static override summary = "list a user's speed dials, or all";
  static override args = { owner: Args.string({ description: 'owner user@domain (default: all)' }) };

  async run(): Promise<void> {
    const { args } = await this.parseCommand(SpeeddialList);
    const owner = args.owner === undefined ? undefined : parseAccount(args.owner, this.settings.sipDomain, 'owner');
    const rows = await this.withDatabase('ro', (db) => new SpeedDialRepository(db, this.settings.tables.speedDial).list(owner));
    this.output(rows, formatRows(rows, SPEED_DIAL_COLUMNS));
  }
}
