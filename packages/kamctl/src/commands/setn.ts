import { Args } from '@oclif/core';

import { KamctlCommand } from '../cli/kamctl-command.js';
import { setSubscriberAttribute } from '../db/set-subscriber-attribute.js';
import { parseAccount } from '../validate/aor.js';
import { ValidationError } from '../validate/validation-error.js';

export default class Setn extends KamctlCommand {
  static override summary = "set a subscriber's numeric attribute (column value)";
  static override args = {
    user: Args.string({ description: 'user or user@domain', required: true }),
    attribute: Args.string({ description: 'subscriber column', required: true }),
    value: Args.string({ description: 'decimal number', required: true }),
  };

  async run(): Promise<void> {
    const { args } = await this.parseCommand(Setn);
    const account = parseAccount(args.user, this.settings.sipDomain);
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(args.value)) throw new ValidationError(args.attribute, args.value, 'not a decimal number');
    const value = Number(args.value);
    await this.inTransaction((trx) => setSubscriberAttribute(trx, this.settings.tables.subscriber, account, args.attribute, value));
    this.output({ changed: account, attribute: args.attribute, value }, 'attribute change succeeded');
  }
}
