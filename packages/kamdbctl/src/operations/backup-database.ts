/**
 * Writes every table of a database (knex's migration bookkeeping excepted) to a backup file, read
 * in one transaction so the tables are consistent with each other.
 */
import type { Writable } from 'node:stream';

import { KAMAILIO_SCHEMA_VERSION } from '@kamkit/schema';
import type { Knex } from 'knex';

import { BackupWriter, BACKUP_FORMAT, type BackupTable } from '../data/backup-file.js';
import { readRows } from '../data/table-rows.js';
import type { Engine } from '../engine/engine.js';
import { MIGRATION_TABLES } from '../schema-ops/inspect-schema.js';

export interface BackupResult {
  readonly tables: number;
  readonly rows: number;
}

/** Snapshot reads where the engine has them (SQLite: a read transaction is one already). */
export function readTransaction<T>(engine: Engine, db: Knex, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  return engine.kind === 'sqlite' ? db.transaction(work) : db.transaction(work, { isolationLevel: 'repeatable read' });
}

export async function backupDatabase(engine: Engine, db: Knex, database: string, out: Writable, keys: ReadonlyMap<string, string>): Promise<BackupResult> {
  return readTransaction(engine, db, async (trx) => {
    const tables: BackupTable[] = [];
    for (const name of await engine.listTables(trx)) {
      if (!MIGRATION_TABLES.has(name)) tables.push({ name, columns: await engine.listColumns(trx, name) });
    }
    const writer = new BackupWriter(out);
    await writer.header({
      format: BACKUP_FORMAT,
      version: 1,
      kamailioSchema: KAMAILIO_SCHEMA_VERSION,
      engine: engine.kind,
      database,
      createdAt: new Date().toISOString(),
      tables,
    });
    for (const t of tables) {
      await writer.table(t.name);
      const key = keys.get(t.name);
      for await (const values of readRows(trx, t.name, t.columns, key && t.columns.includes(key) ? key : undefined)) await writer.row(values);
    }
    await writer.end();
    return { tables: tables.length, rows: writer.rows };
  });
}
