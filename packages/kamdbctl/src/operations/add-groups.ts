/**
 * Adds table groups to an existing database (presence, extra, dbuid, add-tables). Refused before
 * any change when the database is missing, lacks the version table, or already has one of the
 * tables. On failure only what this run made goes: a rolled-back transaction (PostgreSQL, SQLite)
 * or, on MySQL, the new tables and their version rows.
 */
import type { Group } from '@kamkit/schema';
import type { Knex } from 'knex';

import { KamdbctlError } from '../cli/exit-codes.js';
import { databaseError } from '../engine/database-error.js';
import type { Engine } from '../engine/engine.js';
import { applyTables } from '../schema-ops/apply-tables.js';
import { readVersions } from '../schema-ops/inspect-schema.js';
import { tableDdl } from '../schema-ops/table-ddl.js';
import type { OperationContext } from './operation-context.js';

export interface AddResult {
  readonly database: string;
  readonly groups: readonly string[];
  readonly tables: readonly string[];
  readonly createdUsers: readonly string[];
}

/** Opens an existing database, or says it does not exist. */
export async function existingDatabase(engine: Engine, database: string): Promise<Knex> {
  await engine.connect();
  if (!(await engine.databaseExists(database))) {
    throw new KamdbctlError('notFound', `database ${database} does not exist on ${engine.describe()} (kamdbctl create makes it)`);
  }
  return engine.database(database);
}

export async function addGroups(ctx: OperationContext, database: string, groups: readonly Group[]): Promise<AddResult> {
  const { engine, settings, progress, signal } = ctx;
  const db = await existingDatabase(engine, database);
  const before = new Set(await engine.listTables(db));
  const steps = tableDdl(groups, engine.dialect);
  const tables = steps.map((s) => s.table);
  const clash = tables.filter((t) => before.has(t));
  if (clash.length > 0) {
    throw new KamdbctlError('exists', `${database} already has table${clash.length > 1 ? 's' : ''} ${clash.join(', ')}: nothing changed (kamdbctl status shows the groups)`);
  }
  if (!before.has('version') && !tables.includes('version')) {
    throw new KamdbctlError('notFound', `${database} has no version table: create the standard group first (kamdbctl add-tables standard)`);
  }
  const versionsBefore = before.has('version') ? new Set((await readVersions(db)).keys()) : new Set<string>();
  let createdUsers: readonly string[] = [];
  progress.start(steps.length, `adding ${groups.map((g) => g.id).join(' ')}`);
  const onTable = (s: { table: string }) => progress.tick(s.table);
  try {
    if (engine.transactionalDdl) {
      await db.transaction(async (trx) => {
        await applyTables(engine, trx, steps, { onTable, signal });
        // PostgreSQL grants are per table: the new tables need them too.
        if (engine.kind === 'pgsql') createdUsers = (await engine.grantAccess(database, settings.users, trx, tables)).createdUsers;
      });
    } else {
      await applyTables(engine, db, steps, { onTable, signal });
    }
    progress.stop();
  } catch (error) {
    progress.stop();
    if (!engine.transactionalDdl) await removeMadeTables(engine, db, tables, before, versionsBefore, error);
    throw error instanceof KamdbctlError ? error : databaseError(error, `adding tables to ${database}`);
  }
  return { database, groups: groups.map((g) => g.id), tables, createdUsers };
}

/** MySQL cleanup: the planned tables that exist now but did not before, and the version rows this run added. */
async function removeMadeTables(
  engine: Engine,
  db: Knex,
  tables: readonly string[],
  before: ReadonlySet<string>,
  versionsBefore: ReadonlySet<string>,
  cause: unknown,
): Promise<void> {
  try {
    const now = new Set(await engine.listTables(db));
    for (const t of tables) if (now.has(t) && !before.has(t)) await db.schema.dropTable(t);
    const added = tables.filter((t) => !versionsBefore.has(t));
    if (now.has('version') && before.has('version') && added.length > 0) await db('version').whereIn('table_name', added).delete();
  } catch (error) {
    throw new KamdbctlError('failed', `${databaseError(cause, 'adding tables').message}; cleaning up FAILED: ${databaseError(error, 'removing the new tables').message}`, {
      cause,
    });
  }
}
