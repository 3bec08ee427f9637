import { Args } from '@oclif/core';

import { KamctlCommand } from '../cli/kamctl-command.js';
import { setSubscriberAttribute } from '../db/set-subscriber-attribute.js';
import { parseAccount } from '../validate/aor.js';
import { validateText } from '../validate/text-field.js';

export default class Sets extends KamctlCommand {
  static override summary = "set a subscriber's string attribute (column value), stored verbatim";
  static override args = {
    user: Args.string({ description: 'user or user@domain', required: true }),
    attribute: Args.string({ description: 'subscriber column', required: true }),
    value: Args.string({ description: 'string value', required: true }),
  };

  async run(): Promise<void> {
    const { args } = await this.parseCommand(Sets);
    const account = parseAccount(args.user, this.settings.sipDomain);
    const value = validateText(args.value, args.attribute, 255);
    await this.inTransaction((trx) => setSubscriberAttribute(trx, this.settings.tables.subscriber, account, args.attribute, value));
    this.output({ changed: account, attribute: args.attribute, value }, 'attribute change succeeded');
  }
}
