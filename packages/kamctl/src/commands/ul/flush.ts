import { KamctlCommand } from '../../cli/kamctl-command.js';

export default class UlFlush extends KamctlCommand {
  static override summary = 'write the in-memory usrloc to the database now (ul.flush)';

  async run(): Promise<void> {
    await this.parseCommand(UlFlush);
    await this.rpc('ul.flush');
    this.output({ flushed: true });
  }
}
