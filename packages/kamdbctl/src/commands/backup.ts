import { createWriteStream, existsSync, renameSync, rmSync } from 'node:fs';
import { finished } from 'node:stream/promises';

import { Args } from '../cli/oclif.js';

import { KamdbctlCommand } from '../cli/kamdbctl-command.js';
import { databaseError } from '../engine/database-error.js';
import { existingDatabase } from '../operations/add-groups.js';
import { backupDatabase } from '../operations/backup-database.js';
import { keyColumns } from '../schema/install-plan.js';

export default class Backup extends KamdbctlCommand {
  static override description =
    'Write every table of the database to FILE (JSON lines, rows and column names; restore reads it back on any engine). FILE "-" is stdout. An existing FILE is replaced only when confirmed.';
  static override args = { file: Args.string({ description: 'backup file, or - for stdout', required: true }) };

  async run(): Promise<void> {
    const { args } = await this.parseCommand(Backup);
    const database = this.settings.database;
    const db = await existingDatabase(this.engine, database);
    const keys = keyColumns(this.schema().groups, this.engine.dialect);
    const toStdout = args.file === '-';
    if (!toStdout && existsSync(args.file)) await this.confirm(`${args.file} exists. Replace it?`, `backup to ${args.file}`);
    // Written next to the target and renamed at the end: a failed backup never leaves a partial file under FILE.
    const partial = `${args.file}.partial-${process.pid}`;
    const out = toStdout ? process.stdout : createWriteStream(partial, { mode: 0o600 });
    let result;
    try {
      result = await backupDatabase(this.engine, db, database, out, keys);
      if (!toStdout) {
        out.end();
        await finished(out);
        renameSync(partial, args.file);
      }
    } catch (error) {
      if (!toStdout) {
        out.destroy();
        rmSync(partial, { force: true });
      }
      throw databaseError(error, `backing up ${database}`);
    }
    const summary = { engine: this.engine.kind, database, file: args.file, ...result };
    if (toStdout) this.notice(`backed up ${database}: ${result.tables} tables, ${result.rows} rows`);
    else this.output(summary, `backed up ${database} to ${args.file}: ${result.tables} tables, ${result.rows} rows`);
  }
}
