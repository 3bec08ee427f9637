import { Args, Flags } from '../cli/oclif.js';
import { KAMAILIO_SCHEMA_VERSION } from '@kamkit/schema';

import { formatStatus, schemaProblems } from '../cli/format-status.js';
import { ExitCode } from '../cli/exit-codes.js';
import { KamdbctlCommand } from '../cli/kamdbctl-command.js';
import { existingDatabase } from '../operations/add-groups.js';
import { inspectSchema } from '../schema-ops/inspect-schema.js';
import { setOfGroup } from '../schema/install-plan.js';

export default class Status extends KamdbctlCommand {
  static override description =
    `Compare the database with the XML definitions (Kamailio ${KAMAILIO_SCHEMA_VERSION}): tables present and the versions in the version table, per group. Exit 0 when up to date, 8 when it differs.`;
  static override args = { database: Args.string({ description: 'database name (SQLite: file); default DBNAME (DB_PATH)' }) };
  static override flags = { all: Flags.boolean({ description: 'list groups that are not installed too', default: false }) };

  async run(): Promise<void> {
    const { flags, args } = await this.parseCommand(Status);
    const database = this.databaseName(args.database);
    const db = await existingDatabase(this.engine, database);
    const status = await inspectSchema(this.engine, db, this.schema().groups);
    const problems = schemaProblems(status, this.settings);
    const where = `${this.engine.describe(database)} against the Kamailio ${KAMAILIO_SCHEMA_VERSION} schema`;
    this.output(
      {
        engine: this.engine.kind,
        database,
        schema: KAMAILIO_SCHEMA_VERSION,
        upToDate: problems.length === 0,
        problems,
        versionTable: status.versionTable,
        groups: status.groups.map((g) => ({ ...g, set: setOfGroup(this.settings, g.group) })),
        otherTables: status.otherTables,
      },
      formatStatus(status, this.settings, where, flags.all),
    );
    if (problems.length > 0) process.exitCode = ExitCode.schemaDiffers;
  }
}
