/**
 * SQLite through knex + better-sqlite3. The "database" is the file DB_PATH (or the path given to
 * create/copy); there are no users or grants. A file is never created by merely looking at it.
 */
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';

import type { Knex } from 'knex';

import { KamdbctlError, usageError } from '../cli/exit-codes.js';
import type { KamdbctlSettings } from '../settings/kamdbctl-settings.js';
import { createKnex } from './create-knex.js';
import { DatabaseConnections } from './database-connections.js';
import type { AccessChanges, Engine } from './engine.js';

const SQLITE_MAGIC = 'SQLite format 3\0';

/** Whether `file` starts like an SQLite database (an empty file counts: SQLite treats it as one). */
function looksLikeSqlite(file: string): boolean {
  if (statSync(file).size === 0) return true;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    return head.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

export class SqliteEngine implements Engine {
  readonly kind = 'sqlite' as const;
  readonly dialect = 'db_sqlite' as const;
  readonly transactionalDdl = true;
  private readonly databases = new DatabaseConnections();

  constructor(private readonly settings: KamdbctlSettings) {}

  describe(database?: string): string {
    return `sqlite:${database ?? this.settings.database}`;
  }

  async connect(): Promise<void> {}

  async databaseExists(database: string): Promise<boolean> {
    return existsSync(database);
  }

  async createDatabase(database: string): Promise<{ charset?: string }> {
    // Opening the file creates it (empty until the first table).
    await (await this.database(database, true)).raw('PRAGMA user_version');
    return {};
  }

  async dropDatabase(database: string): Promise<void> {
    await this.closeDatabase(database);
    if (!existsSync(database)) throw new KamdbctlError('notFound', `${database} does not exist`);
    if (!looksLikeSqlite(database)) throw usageError(`${database} is not an SQLite database: not removed`);
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(database + suffix, { force: true });
  }

  database(database: string, create = false): Promise<Knex> {
    return this.databases.get(database, () => {
      if (!create && !existsSync(database)) throw new KamdbctlError('notFound', `SQLite database ${database} does not exist`);
      if (existsSync(database) && !looksLikeSqlite(database)) throw usageError(`${database} is not an SQLite database`);
      return createKnex({ client: 'better-sqlite3', connection: { filename: database }, useNullAsDefault: true });
    });
  }

  closeDatabase(database: string): Promise<void> {
    return this.databases.close(database);
  }

  async grantAccess(): Promise<AccessChanges> {
    return { createdUsers: [], existingUsers: [], undo: async () => {} };
  }

  async revokeAccess(): Promise<string[]> {
    return [];
  }

  async dropUsers(): Promise<string[]> {
    return [];
  }

  async prepareNewDatabase(): Promise<void> {}

  async runDdl(db: Knex, statements: readonly string[]): Promise<void> {
    // better-sqlite3 prepares one statement at a time.
    for (const sql of statements) await db.raw(sql);
  }

  async listTables(db: Knex): Promise<string[]> {
    const rows: { name: string }[] = await db.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
    return rows.map((r) => r.name);
  }

  async listColumns(db: Knex, table: string): Promise<string[]> {
    const rows: { name: string }[] = await db.raw('SELECT name FROM pragma_table_info(?) ORDER BY cid', [table]);
    return rows.map((r) => r.name);
  }

  async resetSequences(): Promise<void> {}

  close(): Promise<void> {
    return this.databases.closeAll();
  }
}
