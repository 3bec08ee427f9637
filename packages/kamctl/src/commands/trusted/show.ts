import { KamctlCommand } from '../../cli/kamctl-command.js';
import { TrustedRepository } from '../../db/trusted-repository.js';
import { formatRows } from '../../output/format-rows.js';

export default class TrustedShow extends KamctlCommand {
  static override summary = 'show the trusted table';

  async run(): Promise<void> {
    await this.parseCommand(TrustedShow);
    const rows = await this.withDatabase('ro', (db) => new TrustedRepository(db, this.settings.tables.trusted).select());
    this.output(rows, formatRows(rows, ['id', 'src_ip', 'proto', 'from_pattern', 'ruri_pattern', 'tag', 'priority']));
  }
}
