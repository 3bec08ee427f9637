/**
 * Creates tables from their DDL. `version` goes first (every table inserts its row there); the
 * others may run on several connections at once where the engine allows it (MySQL: DDL is not
 * transactional anyway). The first failure stops everything not yet started and is rethrown.
 */
import type { Knex } from 'knex';

import { KamdbctlError } from '../cli/exit-codes.js';
import { databaseError } from '../engine/database-error.js';
import type { Engine } from '../engine/engine.js';
import type { TableDdl } from './table-ddl.js';

export interface ApplyOptions {
  /** Called after each table is complete. */
  readonly onTable?: (step: TableDdl) => void;
  /** Aborts between tables (Ctrl-C): the caller then cleans up. */
  readonly signal?: AbortSignal | undefined;
  /** Parallel connections; 1 inside a transaction. */
  readonly concurrency?: number;
}

export async function applyTables(engine: Engine, db: Knex, steps: readonly TableDdl[], options: ApplyOptions = {}): Promise<void> {
  const run = async (step: TableDdl) => {
    if (options.signal?.aborted) throw new KamdbctlError('failed', 'interrupted');
    try {
      await engine.runDdl(db, step.statements);
    } catch (error) {
      throw databaseError(error, `creating table ${step.table} (group ${step.group})`);
    }
    options.onTable?.(step);
  };
  const first = steps.filter((s) => s.table === 'version');
  const rest = steps.filter((s) => s.table !== 'version');
  for (const step of first) await run(step);

  let failure: unknown;
  let next = 0;
  const worker = async () => {
    while (failure === undefined && next < rest.length) {
      const step = rest[next++]!;
      try {
        await run(step);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 1, rest.length));
  await Promise.all(Array.from({ length: workers }, worker));
  if (failure !== undefined) throw failure;
}
