import type { Knex } from 'knex';

import { DbError } from '../cli/exit-codes.js';
import { loadKnex } from '@kamkit/db';
import type { DbSettings } from '../settings/kamctl-settings.js';

export type DbAccess = 'rw' | 'ro';

// knex would print pool errors (with stacks) itself; kamctl reports them once, as DbError.
const quiet = () => {};
const SILENT_LOG = { warn: quiet, error: quiet, deprecate: quiet, debug: quiet };

/** knex configuration for the engine; the password stays inside this object only. */
export function knexConfig(db: DbSettings, access: DbAccess): Knex.Config {
  return { ...engineConfig(db, access), log: SILENT_LOG };
}

function engineConfig(db: DbSettings, access: DbAccess): Knex.Config {
  const user = access === 'rw' ? db.rwUser : db.roUser;
  const password = access === 'rw' ? db.rwPassword : db.roPassword;
  switch (db.engine) {
    case 'sqlite':
      return { client: 'better-sqlite3', connection: { filename: db.path! }, useNullAsDefault: true, compileSqlOnError: false };
    case 'mysql':
      return {
        client: 'mysql2',
        connection: {
          ...(db.socketPath ? { socketPath: db.socketPath } : { host: db.host, port: db.port ?? 3306 }),
          user,
          password: password ?? '',
          database: db.name,
          charset: 'utf8mb4',
          // DATETIME columns come back as the text the server holds, like the mysql client shows them.
          dateStrings: true,
          supportBigNumbers: true,
        },
        pool: { min: 0, max: 1 },
        compileSqlOnError: false,
      };
    case 'pgsql':
      return {
        client: 'pg',
        connection: { host: db.host, port: db.port ?? 5432, user, password: password ?? '', database: db.name },
        pool: { min: 0, max: 1 },
        compileSqlOnError: false,
      };
  }
}

/** A database errors turn into DbError (exit 4) with the engine's own message. */
export async function openDatabase(db: DbSettings, access: DbAccess): Promise<Knex> {
  const knex = await loadKnex();
  if (db.engine === 'pgsql') {
    // timestamp columns as the text the server holds, not a JS Date in the local zone.
    const { default: pg } = await import('pg');
    for (const oid of [1082, 1114, 1184]) pg.types.setTypeParser(oid, (text: string) => text);
  }
  if (db.engine === 'sqlite') {
    const { existsSync } = await import('node:fs');
    // better-sqlite3 would create an empty file and every query would then fail with "no such table".
    if (!existsSync(db.path!)) throw new DbError(`SQLite database ${db.path} does not exist (DB_PATH)`);
  }
  const connection = knex(knexConfig(db, access));
  // knex puts the statement in front of the driver's message (compileSqlOnError: false keeps the
  // values out of it); remember the statement so that toDbError can take it off again.
  connection.on('query-error', (error: { kamctlStatement?: string }, query: { sql?: string }) => {
    error.kamctlStatement = query.sql;
  });
  return connection;
}

/** Where a database is, for messages: never the password. */
export function describeDatabase(db: DbSettings): string {
  if (db.engine === 'sqlite') return `sqlite:${db.path}`;
  const at = db.socketPath ?? `${db.host}${db.port ? `:${db.port}` : ''}`;
  return `${db.engine}:${at}/${db.name}`;
}

/** Turns a driver error into a DbError naming the database. */
export function toDbError(error: unknown, db: DbSettings): DbError {
  if (error instanceof DbError) return error;
  const e = error as { code?: string; message?: string; sqlMessage?: string; kamctlStatement?: string };
  const message = e.sqlMessage ?? e.message ?? String(error);
  const prefix = e.kamctlStatement === undefined ? undefined : `${e.kamctlStatement} - `;
  const short = prefix && message.startsWith(prefix) ? message.slice(prefix.length) : message;
  return new DbError(`${describeDatabase(db)}: ${e.code ? `${e.code}: ` : ''}${short}`, { cause: error });
}

/** 'YYYY-MM-DD HH:MM:SS' in local time: what MySQL's now() stores, portable to every engine. */
export function sqlNow(date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())} ${p(date.getHours())}:${p(date.getMinutes())}:${p(date.getSeconds())}`;
}
