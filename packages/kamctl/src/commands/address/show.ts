import { KamctlCommand } from '../../cli/kamctl-command.js';
import { AddressRepository } from '../../db/address-repository.js';
import { formatRows } from '../../output/format-rows.js';

export default class AddressShow extends KamctlCommand {
  static override summary = 'show the address table';

  async run(): Promise<void> {
    await this.parseCommand(AddressShow);
    const rows = await this.withDatabase('ro', (db) => new AddressRepository(db, this.settings.tables.address).select());
    this.output(rows, formatRows(rows, ['id', 'grp', 'ip_addr', 'mask', 'port', 'tag']));
  }
}
