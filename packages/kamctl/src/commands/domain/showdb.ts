import { KamctlCommand } from '../../cli/kamctl-command.js';
import { DomainRepository } from '../../db/domain-repository.js';
import { formatRows } from '../../output/format-rows.js';

export default class DomainShowdb extends KamctlCommand {
  static override summary = 'show the domain table';

  async run(): Promise<void> {
    await this.parseCommand(DomainShowdb);
    const rows = await this.withDatabase('ro', (db) => new DomainRepository(db, this.settings.tables.domain).select());
    this.output(rows, formatRows(rows, ['id', 'domain', 'did', 'last_modified']));
  }
}
