import { KamctlCommand } from '../../cli/kamctl-command.js';
import { DispatcherRepository } from '../../db/dispatcher-repository.js';
import { formatRows } from '../../output/format-rows.js';

export default class DispatcherShow extends KamctlCommand {
  static override summary = 'show the dispatcher table, by set';

  async run(): Promise<void> {
    await this.parseCommand(DispatcherShow);
    const rows = await this.withDatabase('ro', (db) => new DispatcherRepository(db, this.settings.tables.dispatcher).list());
    this.output(rows, formatRows(rows, ['id', 'setid', 'destination', 'flags', 'priority', 'attrs', 'description']));
  }
}
