/**
 * Creates tables from their DDL, one after the other (MariaDB serialises DDL: parallel
 * connections measured no faster). While the server runs one table's statements, the next
 * table is taken from `steps`, which may parse its group's XML then (see lazyTableDdl). Version
 * rows not written by the statements (MySQL) are written at the end, in one INSERT.
 * Callers put the `standard` group (the version table) first.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

import type { Knex } from 'knex';

import { KamdbctlError } from '../cli/exit-codes.js';
import { databaseError } from '../engine/database-error.js';
import type { Engine } from '../engine/engine.js';
import type { TableDdl, VersionRow } from './table-ddl.js';

export interface ApplyOptions {
  /** Called after each table is complete. */
  readonly onTable?: (step: TableDdl) => void;
  /** Aborts between tables (Ctrl-C): the caller then cleans up. */
  readonly signal?: AbortSignal | undefined;
}

export async function applyTables(engine: Engine, db: Knex, steps: Iterable<TableDdl>, options: ApplyOptions = {}): Promise<void> {
  const versionRows: VersionRow[] = [];
  const iterator = steps[Symbol.iterator]();
  let next = iterator.next();
  while (!next.done) {
    const step = next.value;
    if (options.signal?.aborted) throw new KamdbctlError('failed', 'interrupted');
    const running = engine.runDdl(db, step.statements);
    running.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    // Let the statements reach the server, then prepare the next table while it works.
    await nextTurn();
    next = iterator.next();
    try {
      await running;
    } catch (error) {
      throw databaseError(error, `creating table ${step.table} (group ${step.group})`);
    }
    versionRows.push(...step.versionRows);
    options.onTable?.(step);
  }
  if (versionRows.length > 0) {
    try {
      await db('version').insert(versionRows);
    } catch (error) {
      throw databaseError(error, 'writing the version rows');
    }
  }
}
