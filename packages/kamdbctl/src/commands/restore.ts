import { existsSync } from 'node:fs';

import { Args } from '../cli/oclif.js';

import { KamdbctlError } from '../cli/exit-codes.js';
import { KamdbctlCommand } from '../cli/kamdbctl-command.js';
import { readBackupHeader } from '../data/backup-file.js';
import { existingDatabase } from '../operations/add-groups.js';
import { planRestore, restoreDatabase } from '../operations/restore-database.js';

export default class Restore extends KamdbctlCommand {
  static override description =
    'Replace the rows of the tables in FILE (a kamdbctl backup) in one transaction. The tables must exist (kamdbctl create); tables holding rows are replaced only when confirmed.';
  static override args = { file: Args.string({ description: 'backup file written by kamdbctl backup', required: true }) };

  async run(): Promise<void> {
    const { args } = await this.parseCommand(Restore);
    if (!existsSync(args.file)) throw new KamdbctlError('notFound', `${args.file} does not exist`);
    const header = await readBackupHeader(args.file);
    const database = this.settings.database;
    const db = await existingDatabase(this.engine, database);
    const plan = await planRestore(this.engine, db, header);
    if (plan.nonEmpty.length > 0) {
      await this.confirm(
        `Replace the rows of ${plan.nonEmpty.length} table(s) of ${database} (${plan.nonEmpty.slice(0, 5).join(', ')}${plan.nonEmpty.length > 5 ? ', ...' : ''}) with the backup?`,
        `restore into ${database}`,
      );
    }
    const result = await restoreDatabase(this.engine, db, args.file, plan);
    this.output(
      { engine: this.engine.kind, database, file: args.file, from: { engine: header.engine, database: header.database, createdAt: header.createdAt }, ...result },
      `restored ${args.file} into ${database}: ${result.tables} tables, ${result.rows} rows`,
    );
  }
}
