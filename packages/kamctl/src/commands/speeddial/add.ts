import { Args } from '@oclif/core';

import { KamctlCommand } from '../../cli/kamctl-command.js';
import { SpeedDialRepository } from '../../db/speed-dial-repository.js';
import { formatAccount, parseAccount } from '../../validate/aor.js';
import { validateSipUri } from '../../validate/sip-uri.js';
import { validateText } from '../../validate/text-field.js';

export default class SpeeddialAdd extends KamctlCommand {
  static override summary = 'add a speed dial: owner, short AoR, target SIP URI, description';
  static override args = {
    owner: Args.string({ description: 'owner user@domain', required: true }),
    short: Args.string({ description: 'short user@domain (what is dialled)', required: true }),
    uri: Args.string({ description: 'target sip: URI', required: true }),
    description: Args.string({ description: 'description' }),
  };

  async run(): Promise<void> {
    const { args } = await this.parseCommand(SpeeddialAdd);
    const owner = parseAccount(args.owner, this.settings.sipDomain, 'owner');
    const short = parseAccount(args.short, this.settings.sipDomain, 'short');
    const uri = validateSipUri(args.uri);
    const description = validateText(args.description ?? '', 'description', 64);
    await this.inTransaction((trx) => new SpeedDialRepository(trx, this.settings.tables.speedDial).add(owner, short, uri, description));
    this.output({ owner, short, uri, description }, `speed dial ${formatAccount(short)} -> ${uri} added for ${formatAccount(owner)}`);
  }
}
