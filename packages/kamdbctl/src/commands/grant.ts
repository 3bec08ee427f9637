import { Args } from '../cli/oclif.js';

import { describeUsers } from '../cli/describe-result.js';
import { usageError } from '../cli/exit-codes.js';
import { KamdbctlCommand } from '../cli/kamdbctl-command.js';
import { databaseError } from '../engine/database-error.js';
import { existingDatabase } from '../operations/add-groups.js';

export default class Grant extends KamdbctlCommand {
  static override description =
    'Create the rw/ro users if missing (existing ones keep their passwords) and grant them access: MySQL all privileges / SELECT on the database; PostgreSQL on every table and sequence.';
  static override args = { database: Args.string({ description: 'database name; default DBNAME' }) };

  async run(): Promise<void> {
    const { args } = await this.parseCommand(Grant);
    const engine = this.engine;
    if (engine.kind === 'sqlite') throw usageError('SQLite has no users to grant access to');
    const database = this.databaseName(args.database);
    const db = await existingDatabase(engine, database);
    this.warnDefaultPasswords();
    const tables = await engine.listTables(db);
    let changes;
    try {
      changes = await engine.grantAccess(database, this.settings.users, db, tables);
    } catch (error) {
      throw databaseError(error, `granting access to ${database}`);
    }
    this.output(
      { engine: engine.kind, database, createdUsers: changes.createdUsers, existingUsers: changes.existingUsers },
      `granted access to ${database}; ${describeUsers(changes.createdUsers, changes.existingUsers)}`,
    );
  }
}
