import { createRequire } from 'node:module';

import type BetterSqlite3 from 'better-sqlite3';

import { driverConnection, keepPgTimestampsAsText, type DbAccess } from '../db/connection-options.js';
import { requireSqliteFile } from '../db/database-errors.js';
import type { DbSettings } from '../settings/kamctl-settings.js';
import type { SqlSession } from './sql-session.js';

/** A SqlSession on one bare driver connection, closed by `close()`. */
export interface DriverSqlSession extends SqlSession {
  close(): Promise<void>;
}

/** `?` placeholders as PostgreSQL's `$1, $2...` (our statements never hold a literal `?`). */
function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * One connection straight from the driver, without knex: what a one-shot command (kamctl add in a
 * provisioning loop) runs with, so that it does not load and set up a query builder and a pool for
 * one statement. Statements run one by one in autocommit mode.
 */
export async function openDriverSqlSession(db: DbSettings, access: DbAccess): Promise<DriverSqlSession> {
  const connection = driverConnection(db, access);
  switch (connection.engine) {
    case 'sqlite': {
      await requireSqliteFile(db);
      // A native addon, so never bundled: required from where this file is (the start-up bundle has no import()).
      const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
      const sqlite = new Database(connection.filename, { fileMustExist: true });
      return {
        engine: 'sqlite',
        select: async <T>(sql: string, values: readonly unknown[]) => sqlite.prepare(sql).all(...values) as T[],
        run: async (sql, values) => sqlite.prepare(sql).run(...values).changes,
        close: async () => void sqlite.close(),
      };
    }
    case 'mysql': {
      const { default: mysql } = await import('mysql2/promise');
      const client = await mysql.createConnection(connection.options);
      return {
        engine: 'mysql',
        // query(), not execute(): values are bound by the driver, without a prepare round trip.
        select: async <T>(sql: string, values: readonly unknown[]) => (await client.query(sql, [...values] as {}[]))[0] as T[],
        run: async (sql, values) => Number(((await client.query(sql, [...values] as {}[]))[0] as { affectedRows?: number }).affectedRows ?? 0),
        // COM_QUIT goes out at once; waiting for the server to hang up would only delay the exit.
        close: async () => void client.end().catch(() => undefined),
      };
    }
    case 'pgsql': {
      const { default: pg } = await import('pg');
      keepPgTimestampsAsText(pg);
      const client = new pg.Client(connection.options);
      // An unreachable server would otherwise surface as an 'error' event with nobody listening.
      client.on('error', () => undefined);
      await client.connect();
      return {
        engine: 'pgsql',
        select: async <T>(sql: string, values: readonly unknown[]) => (await client.query(numberedPlaceholders(sql), values as unknown[])).rows as T[],
        run: async (sql, values) => (await client.query(numberedPlaceholders(sql), values as unknown[])).rowCount ?? 0,
        close: () => client.end(),
      };
    }
  }
}
