import { Args } from '../cli/oclif.js';

import { describeCreate } from '../cli/describe-result.js';
import { chooseSets, installSetFlags } from '../cli/install-sets.js';
import { KamdbctlCommand } from '../cli/kamdbctl-command.js';
import { createDatabase, refuseExisting } from '../operations/create-database.js';
import { checkGroupIds, groupIdsOfSets, standardFirst } from '../schema/install-plan.js';
import { groupLoader } from '../schema/schema-source.js';
import { lazyTableDdl } from '../schema-ops/table-ddl.js';

export default class Create extends KamdbctlCommand {
  static override description =
    'Create the database, its rw/ro users and the tables of the standard set (plus presence/extra/uid as configured), from the XML definitions. An existing database is refused; a failed run removes what it made.';
  static override args = { database: Args.string({ description: 'database name (SQLite: file); default DBNAME (DB_PATH)' }) };
  static override flags = { ...installSetFlags };
  static override examples = ['<%= config.bin %> create --yes', '<%= config.bin %> create kamailio2 --no-presence --extra'];

  async run(): Promise<void> {
    const { flags, args } = await this.parseCommand(Create);
    const database = this.databaseName(args.database);
    const engine = this.engine;
    // Refuse an existing database before asking anything.
    await refuseExisting(engine, database);
    const ids = standardFirst(groupIdsOfSets(this.settings, await chooseSets(this.settings, flags, (...a) => this.decide(...a))));
    checkGroupIds(ids, this.schemaDirectory);
    this.warnDefaultPasswords();
    // Each group's XML is read while the server creates the tables before it.
    const steps = lazyTableDdl(ids, groupLoader(this.schemaDirectory), engine.dialect);
    const result = await createDatabase(await this.context(), { database, groups: ids, steps });
    this.output({ engine: engine.kind, ...result }, describeCreate(result, engine.describe()));
  }
}
