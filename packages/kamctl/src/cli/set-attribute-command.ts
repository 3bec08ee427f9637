import { Args } from '@oclif/core';

import { setSubscriberAttribute } from '../db/set-subscriber-attribute.js';
import { parseAccount } from '../validate/aor.js';
import { KamctlCommand } from './kamctl-command.js';

/** sets / setn: one subscriber column; the subclass says how the value is read. */
export abstract class SetAttributeCommand extends KamctlCommand {
  static override args = {
    user: Args.string({ description: 'user or user@domain', required: true }),
    attribute: Args.string({ description: 'subscriber column', required: true }),
    value: Args.string({ description: 'value', required: true }),
  };

  protected abstract parseValue(text: string, attribute: string): string | number;

  async run(): Promise<void> {
    const { args } = await this.parseCommand(this.constructor as typeof SetAttributeCommand);
    const account = parseAccount(args.user, this.settings.sipDomain);
    const value = this.parseValue(args.value, args.attribute);
    await this.inTransaction((trx) => setSubscriberAttribute(trx, this.settings.tables.subscriber, account, args.attribute, value));
    const shown = /password/i.test(args.attribute) ? '***' : value;
    this.output({ changed: account, attribute: args.attribute, value: shown }, 'attribute change succeeded');
  }
}
