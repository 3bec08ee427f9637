import type pg from 'pg';

import type { DbSettings } from '../settings/kamctl-settings.js';

export type DbAccess = 'rw' | 'ro';

export type DriverConnection =
  | { engine: 'sqlite'; filename: string }
  | {
      engine: 'mysql';
      options: {
        socketPath?: string;
        host?: string;
        port?: number;
        user: string;
        password: string;
        database: string;
        charset: string;
        dateStrings: boolean;
        supportBigNumbers: boolean;
      };
    }
  | { engine: 'pgsql'; options: { host: string; port: number; user: string; password: string; database: string } };

/**
 * The driver's connection options for the engine, the same whether knex or the bare driver opens
 * it; `ro` uses DBROUSER as kamctl's reads do. The password stays inside this object only.
 */
export function driverConnection(db: DbSettings, access: DbAccess): DriverConnection {
  const user = access === 'rw' ? db.rwUser : db.roUser;
  const password = (access === 'rw' ? db.rwPassword : db.roPassword) ?? '';
  switch (db.engine) {
    case 'sqlite':
      return { engine: 'sqlite', filename: db.path! };
    case 'mysql':
      return {
        engine: 'mysql',
        options: {
          ...(db.socketPath ? { socketPath: db.socketPath } : { host: db.host, port: db.port ?? 3306 }),
          user,
          password,
          database: db.name,
          charset: 'utf8mb4',
          // DATETIME columns come back as the text the server holds, like the mysql client shows them.
          dateStrings: true,
          supportBigNumbers: true,
        },
      };
    case 'pgsql':
      return { engine: 'pgsql', options: { host: db.host, port: db.port ?? 5432, user, password, database: db.name } };
  }
}

/** PostgreSQL dates and timestamps as the text the server holds, not a JS Date in the local zone. */
export function keepPgTimestampsAsText(driver: typeof pg): void {
  for (const oid of [1082, 1114, 1184]) driver.types.setTypeParser(oid, (text: string) => text);
}
