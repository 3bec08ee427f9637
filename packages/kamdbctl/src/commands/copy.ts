import { Args } from '../cli/oclif.js';
import { sortByInstallOrder } from '@kamkit/schema';

import { describeCreate } from '../cli/describe-result.js';
import { KamdbctlError } from '../cli/exit-codes.js';
import { KamdbctlCommand } from '../cli/kamdbctl-command.js';
import { existingDatabase } from '../operations/add-groups.js';
import { copyRows } from '../operations/copy-rows.js';
import { createDatabase } from '../operations/create-database.js';
import { keyColumns } from '../schema/install-plan.js';
import { inspectSchema } from '../schema-ops/inspect-schema.js';
import { tableDdl } from '../schema-ops/table-ddl.js';

export default class Copy extends KamdbctlCommand {
  static override description =
    'Create NEW_DB (users and grants as create does) with the table groups the database has, and copy all their rows. NEW_DB must not exist; a failed copy removes it again.';
  static override args = { newDatabase: Args.string({ name: 'new_db', description: 'name of the new database (SQLite: file)', required: true }) };

  async run(): Promise<void> {
    const { args } = await this.parseCommand(Copy);
    const source = this.settings.database;
    const engine = this.engine;
    const from = await existingDatabase(engine, source);
    const schema = this.schema();
    const status = await inspectSchema(engine, from, schema.groups);
    const odd = status.groups.filter((g) => g.state !== 'installed' && g.state !== 'absent');
    if (odd.length > 0) {
      throw new KamdbctlError('schemaDiffers', `${source} does not match the schema (${odd.map((g) => `${g.group} ${g.state}`).join(', ')}): see kamdbctl status`);
    }
    if (status.otherTables.length > 0) this.notice(`warning: not copied (not in the Kamailio schema): ${status.otherTables.join(', ')}`);
    const ids = new Set(status.groups.filter((g) => g.state === 'installed').map((g) => g.group));
    const groups = sortByInstallOrder(schema.groups.filter((g) => ids.has(g.id)), (g) => g.id);
    const keys = keyColumns(groups, engine.dialect);
    // version rows come with the tables (same versions: every group is installed); all other rows are copied.
    const tables = status.groups.flatMap((g) => (ids.has(g.group) ? g.tables.map((t) => t.table) : [])).filter((t) => t !== 'version');
    let rows = 0;
    this.warnDefaultPasswords();
    const result = await createDatabase(await this.context(), {
      database: args.newDatabase,
      groups: groups.map((g) => g.id),
      steps: tableDdl(groups, engine.dialect),
      afterTables: async (to) => {
        rows = await copyRows(engine, from, to, tables, keys);
      },
    });
    this.output({ engine: engine.kind, source, ...result, rows }, `${describeCreate(result, engine.describe())}\ncopied ${rows} rows from ${source}`);
  }
}
