import { KamctlCommand } from '../../cli/kamctl-command.js';
import { avpFilter, avpFilterFlags, validateTableName } from '../../cli/avp-filter.js';
import { AvpRepository } from '../../db/avp-repository.js';
import { formatRows } from '../../output/format-rows.js';

export default class AvpList extends KamctlCommand {
  static override summary = 'list AVPs (usr_preferences), filtered by user/uuid, attribute, value, type';
  static override flags = avpFilterFlags;

  async run(): Promise<void> {
    const { flags } = await this.parseCommand(AvpList);
    const table = flags.table === undefined ? this.settings.tables.usrPreferences : validateTableName(flags.table);
    const filter = avpFilter(flags, this.settings.sipDomain);
    const rows = await this.withDatabase('ro', (db) => new AvpRepository(db, table).list(filter));
    this.output(rows, formatRows(rows, ['id', 'uuid', 'username', 'domain', 'attribute', 'type', 'value', 'last_modified']));
  }
}
