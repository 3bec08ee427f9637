/**
 * Creates a database with the tables of the given groups, the rw/ro users and their grants, or
 * nothing at all: a database that exists is refused (never touched), and when any later step
 * fails (or Ctrl-C) the database this run created is dropped and the users it created removed.
 * Users that existed before keep their passwords and are never dropped.
 */
import type { Knex } from 'knex';

import { KamdbctlError } from '../cli/exit-codes.js';
import { databaseError } from '../engine/database-error.js';
import type { AccessChanges, Engine } from '../engine/engine.js';
import { applyTables } from '../schema-ops/apply-tables.js';
import type { TableDdl } from '../schema-ops/table-ddl.js';
import type { OperationContext } from './operation-context.js';
import { UndoStack } from './undo-stack.js';

export interface CreateRequest {
  readonly database: string;
  /** Group ids, `standard` (the version table) first. */
  readonly groups: readonly string[];
  /** The tables of those groups, in order (possibly generated while they are created). */
  readonly steps: Iterable<TableDdl>;
  /** Runs after the tables, inside the same all-or-nothing scope (copy fills the tables here). */
  readonly afterTables?: (db: Knex) => Promise<void>;
}

export interface CreateResult {
  readonly database: string;
  readonly charset: string | undefined;
  readonly groups: readonly string[];
  readonly tables: readonly string[];
  readonly createdUsers: readonly string[];
  readonly existingUsers: readonly string[];
}

/** Connects and refuses a database that exists: create never touches one. */
export async function refuseExisting(engine: Engine, database: string): Promise<void> {
  await engine.connect();
  if (await engine.databaseExists(database)) {
    throw new KamdbctlError('exists', `database ${database} already exists on ${engine.describe()}: nothing changed (kamdbctl status shows what it holds)`);
  }
}

export async function createDatabase(ctx: OperationContext, request: CreateRequest): Promise<CreateResult> {
  const { engine, settings, progress, signal } = ctx;
  const { database } = request;
  await refuseExisting(engine, database);
  const tables: string[] = [];
  const undo = new UndoStack();
  let charset: string | undefined;
  let access: AccessChanges | undefined;
  try {
    try {
      charset = (await engine.createDatabase(database)).charset;
    } catch (error) {
      throw databaseError(error, `creating database ${database} on ${engine.describe()}`);
    }
    undo.push(`database ${database}`, () => engine.dropDatabase(database));
    const db = await engine.database(database);
    progress.start(request.groups.length, `creating ${database}`);
    const onTable = (s: TableDdl) => {
      tables.push(s.table);
      if (s.lastOfGroup) progress.tick(s.group);
    };

    if (engine.transactionalDdl) {
      await db.transaction(async (trx) => {
        await engine.prepareNewDatabase(trx);
        await applyTables(engine, trx, request.steps, { onTable, signal });
        access = await engine.grantAccess(database, settings.users, trx, tables);
        await request.afterTables?.(trx);
      });
    } else {
      access = await engine.grantAccess(database, settings.users, db, tables);
      const granted = access;
      undo.push(`users and grants given for ${database}`, () => granted.undo());
      await applyTables(engine, db, request.steps, { onTable, signal });
      await request.afterTables?.(db);
    }
    if (signal.aborted) throw new KamdbctlError('failed', 'interrupted');
    progress.stop();
  } catch (error) {
    progress.stop();
    await engine.closeDatabase(database).catch(() => undefined);
    return undo.unwindAndThrow(error instanceof KamdbctlError ? error : databaseError(error, `creating database ${database}`));
  }
  return {
    database,
    charset,
    groups: request.groups,
    tables,
    createdUsers: access?.createdUsers ?? [],
    existingUsers: access?.existingUsers ?? [],
  };
}
