import type { Knex } from 'knex';

import { loadKnex } from '@kamkit/db';

import type { DbSettings } from '../settings/kamctl-settings.js';
import { driverConnection, keepPgTimestampsAsText, type DbAccess } from './connection-options.js';
import { requireSqliteFile } from './database-errors.js';

export type { DbAccess } from './connection-options.js';
export { describeDatabase, toDbError } from './database-errors.js';

// knex would print pool errors (with stacks) itself; kamctl reports them once, as DbError.
const quiet = () => {};
const SILENT_LOG = { warn: quiet, error: quiet, deprecate: quiet, debug: quiet };

/** knex configuration for the engine; the password stays inside this object only. */
export function knexConfig(db: DbSettings, access: DbAccess): Knex.Config {
  const connection = driverConnection(db, access);
  const common = { log: SILENT_LOG, compileSqlOnError: false };
  switch (connection.engine) {
    case 'sqlite':
      return { ...common, client: 'better-sqlite3', connection: { filename: connection.filename }, useNullAsDefault: true };
    case 'mysql':
      return { ...common, client: 'mysql2', connection: connection.options, pool: { min: 0, max: 1 } };
    case 'pgsql':
      return { ...common, client: 'pg', connection: connection.options, pool: { min: 0, max: 1 } };
  }
}

/** A database errors turn into DbError (exit 4) with the engine's own message. */
export async function openDatabase(db: DbSettings, access: DbAccess): Promise<Knex> {
  const knex = await loadKnex();
  if (db.engine === 'pgsql') {
    keepPgTimestampsAsText((await import('pg')).default);
  }
  await requireSqliteFile(db);
  const connection = knex(knexConfig(db, access));
  // knex puts the statement in front of the driver's message (compileSqlOnError: false keeps the
  // values out of it); remember the statement so that toDbError can take it off again.
  connection.on('query-error', (error: { kamctlStatement?: string }, query: { sql?: string }) => {
    error.kamctlStatement = query.sql;
  });
  return connection;
}

/** 'YYYY-MM-DD HH:MM:SS' in local time: what MySQL's now() stores, portable to every engine. */
export function sqlNow(date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())} ${p(date.getHours())}:${p(date.getMinutes())}:${p(date.getSeconds())}`;
}
