import { Args, Flags } from '@oclif/core';

import { avpOwner, parseAvpType, validateAttribute, validateTableName } from '../../cli/avp-filter.js';
import { KamctlCommand } from '../../cli/kamctl-command.js';
import { AvpRepository } from '../../db/avp-repository.js';
import { sqlNow } from '../../db/open-database.js';
import { validateText } from '../../validate/text-field.js';

export default class AvpAdd extends KamctlCommand {
  static override summary = 'add an AVP for a user (user@domain) or a uuid';
  static override args = {
    owner: Args.string({ description: 'user@domain, or a uuid (no @)', required: true }),
    attribute: Args.string({ description: 'attribute name', required: true }),
    type: Args.string({ description: 'type 0-3 (avpops: bit 0 = int value, bit 1 = int name)', required: true }),
    value: Args.string({ description: 'value, stored verbatim', required: true }),
  };
  static override flags = { table: Flags.string({ char: 'T', description: 'usr_preferences-like table' }) };

  async run(): Promise<void> {
    const { args, flags } = await this.parseCommand(AvpAdd);
    const table = flags.table === undefined ? this.settings.tables.usrPreferences : validateTableName(flags.table);
    const owner = avpOwner(args.owner, this.settings.sipDomain);
    const row = {
      uuid: String(owner['uuid'] ?? ''),
      username: String(owner['username'] ?? ''),
      domain: String(owner['domain'] ?? ''),
      attribute: validateAttribute(args.attribute),
      type: parseAvpType(args.type),
      value: validateText(args.value, 'value', 128),
      last_modified: sqlNow(),
    };
    await this.inTransaction((trx) => new AvpRepository(trx, table).add(row));
    this.output({ added: row }, 'avp add - attribute added');
  }
}
