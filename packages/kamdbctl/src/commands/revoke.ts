import { Args } from '../cli/oclif.js';

import { usageError } from '../cli/exit-codes.js';
import { KamdbctlCommand } from '../cli/kamdbctl-command.js';
import { databaseError } from '../engine/database-error.js';
import { existingDatabase } from '../operations/add-groups.js';

export default class Revoke extends KamdbctlCommand {
  static override description = 'Revoke the rw/ro users\' access to the database (the users themselves are kept). Revoking what is not granted is not an error.';
  static override args = { database: Args.string({ description: 'database name; default DBNAME' }) };

  async run(): Promise<void> {
    const { args } = await this.parseCommand(Revoke);
    const engine = this.engine;
    if (engine.kind === 'sqlite') throw usageError('SQLite has no users to revoke access from');
    const database = this.databaseName(args.database);
    const db = await existingDatabase(engine, database);
    let revoked;
    try {
      revoked = await engine.revokeAccess(database, this.settings.users, db);
    } catch (error) {
      throw databaseError(error, `revoking access to ${database}`);
    }
    this.output({ engine: engine.kind, database, revoked }, `revoked access to ${database}${revoked.length ? ` from ${revoked.join(', ')}` : ' (nothing was granted)'}`);
  }
}
