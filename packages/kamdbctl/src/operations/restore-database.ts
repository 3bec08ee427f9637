/**
 * Restores a backup into a database whose tables exist (kamdbctl create first): in one
 * transaction, the rows of every table in the backup replace the table's rows. A backup that
 * names a missing table or column, or that is truncated, changes nothing.
 */
import type { Knex } from 'knex';

import { KamdbctlError } from '../cli/exit-codes.js';
import { readBackupRecords, type BackupHeader } from '../data/backup-file.js';
import { decodeValue } from '../data/json-values.js';
import { RowInserter } from '../data/table-rows.js';
import { databaseError } from '../engine/database-error.js';
import type { Engine } from '../engine/engine.js';

export interface RestorePlan {
  readonly header: BackupHeader;
  /** Tables of the backup that hold rows now (their rows would be replaced); `version` not counted. */
  readonly nonEmpty: readonly string[];
}

/** Checks the target against the backup's table list; nothing is changed. */
export async function planRestore(engine: Engine, db: Knex, header: BackupHeader): Promise<RestorePlan> {
  const tables = new Set(await engine.listTables(db));
  const problems: string[] = [];
  const nonEmpty: string[] = [];
  for (const t of header.tables) {
    if (!tables.has(t.name)) {
      problems.push(`table ${t.name} is missing`);
      continue;
    }
    const columns = new Set(await engine.listColumns(db, t.name));
    const absent = t.columns.filter((c) => !columns.has(c));
    if (absent.length > 0) problems.push(`${t.name} lacks column${absent.length > 1 ? 's' : ''} ${absent.join(', ')}`);
    if (t.name !== 'version' && (await db(t.name).first(db.raw('1 AS one')))) nonEmpty.push(t.name);
  }
  if (problems.length > 0) {
    throw new KamdbctlError('notFound', `the database does not match the backup (${problems.join('; ')}): nothing restored (create the schema first)`);
  }
  return { header, nonEmpty };
}

export async function restoreDatabase(engine: Engine, db: Knex, file: string, plan: RestorePlan): Promise<{ tables: number; rows: number }> {
  const columns = new Map(plan.header.tables.map((t) => [t.name, t.columns]));
  let rows = 0;
  try {
    await db.transaction(async (trx) => {
      for (const t of plan.header.tables) await trx(t.name).delete();
      let inserter: RowInserter | undefined;
      for await (const record of readBackupRecords(file)) {
        if (record.kind === 'table') {
          await inserter?.flush();
          const cols = columns.get(record.table);
          if (!cols) throw new KamdbctlError('failed', `${file}: rows for table ${record.table}, which the header does not list`);
          inserter = new RowInserter(trx, record.table, cols);
        } else {
          await inserter!.add(record.values.map(decodeValue));
          rows++;
        }
      }
      await inserter?.flush();
      await engine.resetSequences(trx, [...columns.keys()]);
    });
  } catch (error) {
    throw error instanceof KamdbctlError ? error : databaseError(error, `restoring ${file}`);
  }
  return { tables: plan.header.tables.length, rows };
}
