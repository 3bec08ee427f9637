import { Args } from '@oclif/core';

import { KamctlCommand } from '../../cli/kamctl-command.js';
import { SpeedDialRepository } from '../../db/speed-dial-repository.js';
import { formatRows } from '../../output/format-rows.js';
import { parseAccount } from '../../validate/aor.js';
import { SPEED_DIAL_COLUMNS } from './list.js';

export default class SpeeddialShow extends KamctlCommand {
  static override summary = 'show the speed dials of a short AoR';
  static override args = { short: Args.string({ description: 'short user@domain', required: true }) };

  async run(): Promise<void> {
    const { args } = await this.parseCommand(SpeeddialShow);
    const short = parseAccount(args.short, this.settings.sipDomain, 'short');
    const rows = await this.withDatabase('ro', (db) => new SpeedDialRepository(db, this.settings.tables.speedDial).byShort(short));
    this.output(rows, formatRows(rows, SPEED_DIAL_COLUMNS));
  }
}
