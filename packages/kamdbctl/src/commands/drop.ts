import { Args, Flags } from '../cli/oclif.js';

import { KamdbctlError } from '../cli/exit-codes.js';
import { KamdbctlCommand } from '../cli/kamdbctl-command.js';
import { databaseError } from '../engine/database-error.js';

export default class Drop extends KamdbctlCommand {
  static override description = 'Drop the database with all its tables and data. Asks on a terminal; needs --yes otherwise.';
  static override args = { database: Args.string({ description: 'database name (SQLite: file); default DBNAME (DB_PATH)' }) };
  static override flags = {
    'drop-users': Flags.boolean({ description: 'also drop the rw/ro users (kept by default: other databases may use them)', default: false }),
  };

  async run(): Promise<void> {
    const { flags, args } = await this.parseCommand(Drop);
    const database = this.databaseName(args.database);
    const engine = this.engine;
    await engine.connect();
    if (!(await engine.databaseExists(database))) throw new KamdbctlError('notFound', `database ${database} does not exist on ${engine.describe()}`);
    await this.confirm(`Drop database ${database} on ${engine.describe()}? All its tables and data are deleted (kamdbctl backup first).`, `drop ${database}`);
    try {
      await engine.dropDatabase(database);
    } catch (error) {
      throw databaseError(error, `dropping ${database}`);
    }
    let users: string[] = [];
    if (flags['drop-users']) {
      try {
        users = await engine.dropUsers(this.settings.users);
      } catch (error) {
        throw databaseError(error, `${database} dropped, but dropping its users failed`);
      }
    }
    this.output({ engine: engine.kind, database, dropped: true, droppedUsers: users }, `dropped ${database}${users.length ? `; users dropped: ${users.join(', ')}` : ''}`);
  }
}
