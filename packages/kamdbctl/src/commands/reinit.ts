import { Args } from '../cli/oclif.js';

import { describeCreate } from '../cli/describe-result.js';
import { chooseSets, installSetFlags } from '../cli/install-sets.js';
import { KamdbctlCommand } from '../cli/kamdbctl-command.js';
import { databaseError } from '../engine/database-error.js';
import { createDatabase } from '../operations/create-database.js';
import { checkGroupIds, groupIdsOfSets, orderedGroups, standardFirst } from '../schema/install-plan.js';
import { tableDdl } from '../schema-ops/table-ddl.js';

export default class Reinit extends KamdbctlCommand {
  static override description = 'Drop the database (if it exists) and create it again, empty. Asks on a terminal; needs --yes otherwise.';
  static override args = { database: Args.string({ description: 'database name (SQLite: file); default DBNAME (DB_PATH)' }) };
  static override flags = { ...installSetFlags };

  async run(): Promise<void> {
    const { flags, args } = await this.parseCommand(Reinit);
    const database = this.databaseName(args.database);
    const engine = this.engine;
    await engine.connect();
    // Everything that can be refused is refused before the drop.
    const ids = standardFirst(groupIdsOfSets(this.settings, await chooseSets(this.settings, flags, (...a) => this.decide(...a))));
    checkGroupIds(ids, this.schemaDirectory);
    const steps = tableDdl(orderedGroups(this.schema(ids), ids), engine.dialect);
    const existed = await engine.databaseExists(database);
    if (existed) {
      await this.confirm(`Drop database ${database} on ${engine.describe()} and create it again? All its data is deleted (kamdbctl backup first).`, `reinit ${database}`);
      try {
        await engine.dropDatabase(database);
      } catch (error) {
        throw databaseError(error, `dropping ${database}`);
      }
    }
    this.warnDefaultPasswords();
    const result = await createDatabase(await this.context(), { database, groups: ids, steps });
    this.output({ engine: engine.kind, dropped: existed, ...result }, `${existed ? `dropped ${database}; ` : ''}${describeCreate(result, engine.describe())}`);
  }
}
