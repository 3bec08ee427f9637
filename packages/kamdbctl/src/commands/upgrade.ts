import { Args, Flags } from '../cli/oclif.js';

import { schemaProblems } from '../cli/format-status.js';
import { chooseSets, installSetFlags } from '../cli/install-sets.js';
import { ExitCode } from '../cli/exit-codes.js';
import { KamdbctlCommand } from '../cli/kamdbctl-command.js';
import { databaseError } from '../engine/database-error.js';
import { existingDatabase } from '../operations/add-groups.js';
import { groupIdsOfSets } from '../schema/install-plan.js';
import { migrationsDir } from '../schema/schema-source.js';
import { inspectSchema } from '../schema-ops/inspect-schema.js';
import { upgradeSchema } from '../schema-ops/upgrade-schema.js';

export default class Upgrade extends KamdbctlCommand {
  static override description =
    'Bring the database to the XML definitions through the knex migrations: groups of the chosen sets that are absent are created (one migration per group), groups already complete are recorded as done. Groups that are partly there or at other versions cannot be migrated automatically: they are reported, and the exit code is 8.';
  static override args = { database: Args.string({ description: 'database name (SQLite: file); default DBNAME (DB_PATH)' }) };
  static override flags = {
    ...installSetFlags,
    'migrations-dir': Flags.string({ description: 'knex migrations (default: the migrations/ next to the schema directory)', env: 'KAMDBCTL_MIGRATIONS_DIR' }),
  };

  async run(): Promise<void> {
    const { flags, args } = await this.parseCommand(Upgrade);
    const database = this.databaseName(args.database);
    const engine = this.engine;
    const directory = migrationsDir(flags['migrations-dir'], this.schemaDirectory);
    const db = await existingDatabase(engine, database);
    const schema = this.schema();
    const before = await inspectSchema(engine, db, schema.groups);
    const wanted = new Set(groupIdsOfSets(this.settings, await chooseSets(this.settings, flags, (...a) => this.decide(...a))));
    const add = before.groups.filter((g) => g.state === 'absent' && wanted.has(g.group)).map((g) => g.group);
    // Migrations run in their file order, which is kamdbctl's creation order (standard first).
    const ctx = await this.context();
    ctx.progress.start(add.length, `upgrading ${database}`);
    let result;
    try {
      result = await upgradeSchema(engine, db, before, add, directory, (g) => ctx.progress.tick(g));
    } finally {
      ctx.progress.stop();
    }
    let createdUsers: readonly string[] = [];
    if (engine.kind === 'pgsql' && result.applied.length > 0) {
      const tables = before.groups.filter((g) => result.applied.includes(g.group)).flatMap((g) => g.tables.map((t) => t.table));
      try {
        createdUsers = (await engine.grantAccess(database, this.settings.users, db, tables)).createdUsers;
      } catch (error) {
        throw databaseError(error, `tables added, but granting access to them failed (run kamdbctl grant)`);
      }
    }
    const after = await inspectSchema(engine, db, schema.groups);
    const problems = schemaProblems(after, this.settings);
    const human = [
      result.applied.length > 0 ? `applied migrations for: ${result.applied.join(' ')}` : 'no migration to apply',
      ...(result.recorded.length > 0 ? [`recorded as already installed: ${result.recorded.join(' ')}`] : []),
      ...(createdUsers.length > 0 ? [`users created: ${createdUsers.join(', ')}`] : []),
      problems.length === 0 ? 'up to date' : `still differs (needs manual migration): ${problems.join(', ')}`,
    ].join('\n');
    this.output({ engine: engine.kind, database, applied: result.applied, recorded: result.recorded, createdUsers, upToDate: problems.length === 0, problems }, human);
    if (problems.length > 0) process.exitCode = ExitCode.schemaDiffers;
  }
}
