import { Args } from '@oclif/core';

import { KamctlError } from '../../cli/exit-codes.js';
import { KamctlCommand } from '../../cli/kamctl-command.js';
import { SpeedDialRepository } from '../../db/speed-dial-repository.js';
import { formatAccount, parseAccount } from '../../validate/aor.js';

export default class SpeeddialRm extends KamctlCommand {
  static override summary = "remove one of an owner's speed dials";
  static override args = {
    owner: Args.string({ description: 'owner user@domain', required: true }),
    short: Args.string({ description: 'short user@domain', required: true }),
  };

  async run(): Promise<void> {
    const { args } = await this.parseCommand(SpeeddialRm);
    const owner = parseAccount(args.owner, this.settings.sipDomain, 'owner');
    const short = parseAccount(args.short, this.settings.sipDomain, 'short');
    const removed = await this.inTransaction((trx) => new SpeedDialRepository(trx, this.settings.tables.speedDial).remove(owner, short));
    if (removed === 0) throw new KamctlError(`no speed dial ${formatAccount(short)} for ${formatAccount(owner)}`);
    this.output({ owner, short, removed }, `speed dial ${formatAccount(short)} removed`);
  }
}
