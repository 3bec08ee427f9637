/**
 * MySQL / MariaDB through knex + mysql2. Users are `'user'@'host'` accounts for DBHOST, plus
 * `localhost` when DBHOST is another host, plus DBACCESSHOST (kamdbctl's host set), created with
 * `CREATE USER IF NOT EXISTS`, so a second run (or reinit, copy) never fails on existing users.
 */
import { existsSync } from 'node:fs';

import type { Knex } from 'knex';

import { usageError } from '../cli/exit-codes.js';
import type { DatabaseUser, KamdbctlSettings } from '../settings/kamdbctl-settings.js';
import { databaseError, errorKind } from './database-error.js';
import type { AccessChanges, Engine, PasswordPrompt } from './engine.js';
import { createKnex } from './create-knex.js';
import { DatabaseConnections } from './database-connections.js';

/** Where the mysql client looks for the server's socket when DBHOST is localhost (Debian first). */
const SOCKETS = ['/run/mysqld/mysqld.sock', '/var/run/mysqld/mysqld.sock', '/var/lib/mysql/mysql.sock', '/tmp/mysql.sock'];
const CONNECT_TIMEOUT_MS = 10_000;

interface Account {
  readonly user: DatabaseUser;
  readonly host: string;
}

const accountName = (a: Account) => `'${a.user.name}'@'${a.host}'`;

export class MysqlEngine implements Engine {
  readonly kind = 'mysql' as const;
  readonly dialect = 'mysql' as const;
  readonly transactionalDdl = false;
  private readonly socketPath: string | undefined;
  private password: string | undefined;
  private server: Knex | undefined;
  private readonly databases = new DatabaseConnections();

  constructor(
    private readonly settings: KamdbctlSettings,
    private readonly prompt: PasswordPrompt | undefined,
  ) {
    this.password = settings.rootPassword;
    this.socketPath =
      settings.host === 'localhost' && settings.port === undefined
        ? [process.env['MYSQL_UNIX_PORT'], ...SOCKETS].find((p): p is string => Boolean(p && existsSync(p)))
        : undefined;
  }

  describe(database?: string): string {
    const where = this.socketPath ? `localhost` : `${this.settings.host}:${this.settings.port ?? 3306}`;
    return `mysql://${this.settings.rootUser}@${where}${database ? `/${database}` : ''}`;
  }

  private knex(database: string | undefined): Promise<Knex> {
    const s = this.settings;
    return createKnex({
      client: 'mysql2',
      connection: {
        ...(this.socketPath ? { socketPath: this.socketPath } : { host: s.host, port: s.port ?? 3306 }),
        user: s.rootUser,
        password: this.password ?? '',
        ...(database ? { database } : {}),
        // Each table's statements go in one round trip; values are still bound (escaped by mysql2).
        multipleStatements: true,
        dateStrings: true,
        supportBigNumbers: true,
        bigNumberStrings: true,
        charset: 'utf8mb4',
        connectTimeout: CONNECT_TIMEOUT_MS,
      },
      pool: { min: 0, max: 1 },
    });
  }

  async connect(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      this.server ??= await this.knex(undefined);
      try {
        await this.server.raw('SELECT 1');
        return;
      } catch (error) {
        await this.server.destroy();
        this.server = undefined;
        // No password configured and a terminal: ask once, like kamdbctl's prompt (but only when needed).
        const mayAsk = attempt === 0 && this.prompt && this.password === undefined && !this.settings.rootPasswordSkip;
        if (errorKind(error) === 'accessDenied' && mayAsk) {
          this.password = await this.prompt!(`MySQL password for ${this.settings.rootUser}: `);
          continue;
        }
        throw databaseError(error, `connecting to ${this.describe()}`);
      }
    }
  }

  private async admin(): Promise<Knex> {
    if (!this.server) await this.connect();
    return this.server!;
  }

  async databaseExists(database: string): Promise<boolean> {
    const [rows] = await (await this.admin()).raw('SELECT COUNT(*) AS n FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [database]);
    return Number(rows[0].n) > 0;
  }

  async createDatabase(database: string): Promise<{ charset: string }> {
    const admin = await this.admin();
    let charset = this.settings.charset;
    if (charset !== undefined) {
      const [known] = await admin.raw('SELECT CHARACTER_SET_NAME AS name FROM information_schema.CHARACTER_SETS WHERE CHARACTER_SET_NAME = ?', [charset]);
      if (known.length === 0) throw usageError(`CHARSET=${charset} is not a character set of ${this.describe()}`);
    } else {
      // The server's default, utf8mb4 included: every index of the 5.6.3 schema fits in InnoDB's 3072-byte key limit.
      const [rows] = await admin.raw('SELECT @@character_set_server AS cs');
      charset = String(rows[0].cs);
    }
    await admin.raw('CREATE DATABASE ?? CHARACTER SET ?', [database, charset]);
    return { charset };
  }

  async dropDatabase(database: string): Promise<void> {
    await this.closeDatabase(database);
    await (await this.admin()).raw('DROP DATABASE ??', [database]);
  }

  async database(database: string): Promise<Knex> {
    await this.admin();
    return this.databases.get(database, () => this.knex(database));
  }

  closeDatabase(database: string): Promise<void> {
    return this.databases.close(database);
  }

  private accounts(users: readonly DatabaseUser[]): Account[] {
    const hosts = [this.settings.host];
    if (this.settings.host !== 'localhost') hosts.push('localhost');
    if (this.settings.accessHost) hosts.push(this.settings.accessHost);
    return [...new Set(hosts)].flatMap((host) => users.map((user) => ({ user, host })));
  }

  async grantAccess(database: string, users: readonly DatabaseUser[]): Promise<AccessChanges> {
    const admin = await this.admin();
    const created: Account[] = [];
    const existing: Account[] = [];
    const newGrants: Account[] = [];
    const changes: AccessChanges = {
      get createdUsers() {
        return created.map(accountName);
      },
      get existingUsers() {
        return existing.map(accountName);
      },
      undo: async () => {
        for (const a of newGrants.filter((g) => !created.includes(g))) {
          await admin.raw(`REVOKE ${privileges(a)} ON ??.* FROM ?@?`, [database, a.user.name, a.host]).catch(() => undefined);
        }
        for (const a of created) await admin.raw('DROP USER IF EXISTS ?@?', [a.user.name, a.host]);
      },
    };
    try {
      for (const a of this.accounts(users)) {
        const [[found]] = await admin.raw(
          'SELECT (SELECT COUNT(*) FROM mysql.user WHERE User = ? AND Host = ?) AS user_exists, (SELECT COUNT(*) FROM mysql.db WHERE User = ? AND Host = ? AND Db = ?) AS grant_exists',
          [a.user.name, a.host, a.user.name, a.host, database],
        );
        if (Number(found.user_exists) === 0) {
          await admin.raw('CREATE USER IF NOT EXISTS ?@? IDENTIFIED BY ?', [a.user.name, a.host, a.user.password]);
          created.push(a);
        } else {
          existing.push(a);
        }
        if (Number(found.grant_exists) === 0) newGrants.push(a);
        await admin.raw(`GRANT ${privileges(a)} ON ??.* TO ?@?`, [database, a.user.name, a.host]);
      }
    } catch (error) {
      await changes.undo().catch(() => undefined);
      throw databaseError(error, `granting access to ${database}`);
    }
    return changes;
  }

  async revokeAccess(database: string, users: readonly DatabaseUser[]): Promise<string[]> {
    const admin = await this.admin();
    const revoked: string[] = [];
    for (const a of this.accounts(users)) {
      try {
        await admin.raw(`REVOKE ${privileges(a)} ON ??.* FROM ?@?`, [database, a.user.name, a.host]);
        revoked.push(accountName(a));
      } catch (error) {
        // 1141: no such grant, 1269: cannot revoke all: already revoked, nothing to do.
        const errno = (error as { errno?: number }).errno;
        if (errno !== 1141 && errno !== 1269 && errno !== 1147) throw databaseError(error, `revoking access to ${database}`);
      }
    }
    return revoked;
  }

  async dropUsers(users: readonly DatabaseUser[]): Promise<string[]> {
    const admin = await this.admin();
    const dropped: string[] = [];
    for (const a of this.accounts(users)) {
      const [[found]] = await admin.raw('SELECT COUNT(*) AS n FROM mysql.user WHERE User = ? AND Host = ?', [a.user.name, a.host]);
      if (Number(found.n) === 0) continue;
      await admin.raw('DROP USER ?@?', [a.user.name, a.host]);
      dropped.push(accountName(a));
    }
    return dropped;
  }

  async prepareNewDatabase(): Promise<void> {}

  async runDdl(db: Knex, statements: readonly string[]): Promise<void> {
    await db.raw(statements.join(';\n'));
  }

  async listTables(db: Knex): Promise<string[]> {
    const [rows] = await db.raw(
      "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
    );
    return (rows as { name: string }[]).map((r) => r.name);
  }

  async listColumns(db: Knex, table: string): Promise<string[]> {
    const [rows] = await db.raw(
      'SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
      [table],
    );
    return (rows as { name: string }[]).map((r) => r.name);
  }

  async resetSequences(): Promise<void> {}

  async close(): Promise<void> {
    await this.databases.closeAll();
    await this.server?.destroy();
    this.server = undefined;
  }
}

/** kamdbctl's privileges: the rw user gets everything on the database, the ro user SELECT. */
function privileges(a: Account): string {
  return a.user.access === 'rw' ? 'ALL PRIVILEGES' : 'SELECT';
}
