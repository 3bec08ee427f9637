import { existsSync } from 'node:fs';

import { DbError } from '../cli/exit-codes.js';
import type { DbSettings } from '../settings/kamctl-settings.js';

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

/** SQLite: better-sqlite3 would create an empty file, and every query would then fail with "no such table". */
export async function requireSqliteFile(db: DbSettings): Promise<void> {
  if (db.engine !== 'sqlite') return;
  if (!existsSync(db.path!)) throw new DbError(`SQLite database ${db.path} does not exist (DB_PATH)`);
}
