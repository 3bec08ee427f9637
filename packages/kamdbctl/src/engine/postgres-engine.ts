/**
 * PostgreSQL through knex + pg. A new database gets its tables, kamdbctl's two MySQL-compatible
 * functions, the rw/ro roles and their grants in ONE transaction, so a failure leaves nothing
 * behind but the empty database (which the caller drops). Grants cover every sequence the tables
 * really own (found in the catalog, e.g. `dr_gateways_gwid_seq`), not a guessed `<table>_id_seq`.
 */
import type { Knex } from 'knex';

import { KamdbctlError } from '../cli/exit-codes.js';
import type { DatabaseUser, KamdbctlSettings } from '../settings/kamdbctl-settings.js';
import { createKnex } from './create-knex.js';
import { DatabaseConnections } from './database-connections.js';
import { databaseError, errorKind } from './database-error.js';
import type { AccessChanges, Engine, PasswordPrompt } from './engine.js';

const CONNECT_TIMEOUT_MS = 10_000;
/** Where the administrator connects when not working inside a database (never template1: CREATE DATABASE copies it). */
const MAINTENANCE_DATABASES = ['postgres', 'template1'];

interface OwnedSequence {
  table_name: string;
  column_name: string;
  sequence: string;
}

const list = (n: number) => Array.from({ length: n }, () => '??').join(', ');

export class PostgresEngine implements Engine {
  readonly kind = 'pgsql' as const;
  readonly dialect = 'postgres' as const;
  readonly transactionalDdl = true;
  private password: string | undefined;
  private server: Knex | undefined;
  private readonly databases = new DatabaseConnections();

  constructor(
    private readonly settings: KamdbctlSettings,
    private readonly prompt: PasswordPrompt | undefined,
  ) {
    this.password = settings.rootPassword;
  }

  describe(database?: string): string {
    return `postgresql://${this.settings.rootUser}@${this.settings.host}:${this.settings.port ?? 5432}${database ? `/${database}` : ''}`;
  }

  private async knex(database: string): Promise<Knex> {
    const { default: pg } = await import('pg');
    // Dates and times as the text the server holds (backups must not shift them through JS Dates).
    for (const oid of [1082, 1083, 1114, 1184, 1266]) pg.types.setTypeParser(oid, (text: string) => text);
    return createKnex({
      client: 'pg',
      connection: {
        host: this.settings.host,
        port: this.settings.port ?? 5432,
        user: this.settings.rootUser,
        // undefined: pg then uses PGPASSWORD or ~/.pgpass, as psql does.
        password: this.password,
        database,
        connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      },
      pool: { min: 0, max: 1 },
    });
  }

  async connect(): Promise<void> {
    let attempt = 0;
    for (const maintenance of MAINTENANCE_DATABASES) {
      for (;;) {
        const server = await this.knex(maintenance);
        try {
          await server.raw('SELECT 1');
          this.server = server;
          return;
        } catch (error) {
          await server.destroy();
          const kind = errorKind(error);
          const mayAsk = attempt++ === 0 && this.prompt && this.password === undefined && !this.settings.rootPasswordSkip;
          if (kind === 'accessDenied' && mayAsk && /password/i.test(String((error as Error).message))) {
            this.password = await this.prompt!(`PostgreSQL password for ${this.settings.rootUser}: `);
            continue;
          }
          if (kind === 'notFound' && maintenance !== MAINTENANCE_DATABASES[MAINTENANCE_DATABASES.length - 1]) break;
          throw databaseError(error, `connecting to ${this.describe()}`);
        }
      }
    }
  }

  private async admin(): Promise<Knex> {
    if (!this.server) await this.connect();
    return this.server!;
  }

  async databaseExists(database: string): Promise<boolean> {
    const { rows } = await (await this.admin()).raw('SELECT 1 FROM pg_database WHERE datname = ?', [database]);
    return rows.length > 0;
  }

  async createDatabase(database: string): Promise<{ charset?: string }> {
    await (await this.admin()).raw('CREATE DATABASE ??', [database]);
    return {};
  }

  async dropDatabase(database: string): Promise<void> {
    await this.closeDatabase(database);
    try {
      await (await this.admin()).raw('DROP DATABASE ??', [database]);
    } catch (error) {
      if ((error as { code?: string }).code === '55006') {
        throw new KamdbctlError('failed', `database ${database} is in use by other sessions (stop Kamailio and other clients, then retry)`, { cause: error });
      }
      throw error;
    }
  }

  async database(database: string): Promise<Knex> {
    await this.admin();
    return this.databases.get(database, () => this.knex(database));
  }

  closeDatabase(database: string): Promise<void> {
    return this.databases.close(database);
  }

  private async roleExists(db: Knex, name: string): Promise<boolean> {
    const { rows } = await db.raw('SELECT 1 FROM pg_roles WHERE rolname = ?', [name]);
    return rows.length > 0;
  }

  /** The sequences owned by columns of `tables` (SERIAL), as the catalog names them. */
  private async ownedSequences(db: Knex, tables: readonly string[]): Promise<OwnedSequence[]> {
    if (tables.length === 0) return [];
    const { rows } = await db.raw(
      `SELECT t.relname AS table_name, a.attname AS column_name, n.nspname || '.' || s.relname AS sequence
       FROM pg_class s
       JOIN pg_namespace n ON n.oid = s.relnamespace
       JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a'
       JOIN pg_class t ON t.oid = d.refobjid
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
       WHERE s.relkind = 'S' AND n.nspname = current_schema() AND t.relname IN (${tables.map(() => '?').join(', ')})
       ORDER BY 1, 2`,
      [...tables],
    );
    return rows as OwnedSequence[];
  }

  async grantAccess(_database: string, users: readonly DatabaseUser[], db: Knex, tables: readonly string[]): Promise<AccessChanges> {
    const created: string[] = [];
    const existing: string[] = [];
    // One transaction (a savepoint inside the caller's): roles and grants all happen, or none.
    await db.transaction(async (trx) => {
      for (const user of users) {
        if (await this.roleExists(trx, user.name)) {
          existing.push(user.name);
          continue;
        }
        // CREATE ROLE takes no bind parameters: the name and password travel as bound values of
        // set_config and are quoted by format(%I, %L) on the server, never pasted into SQL text.
        await trx.raw('SELECT set_config(?, ?, true), set_config(?, ?, true)', ['kamkit.role', user.name, 'kamkit.password', user.password]);
        await trx.raw(
          "DO $$ BEGIN EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', current_setting('kamkit.role'), current_setting('kamkit.password')); END $$",
        );
        await trx.raw("SELECT set_config('kamkit.password', '', true)");
        created.push(user.name);
      }
      if (tables.length > 0) {
        const sequences = (await this.ownedSequences(trx, tables)).map((s) => s.sequence);
        for (const user of users) {
          const what = user.access === 'rw' ? 'ALL PRIVILEGES' : 'SELECT';
          await trx.raw(`GRANT ${what} ON TABLE ${list(tables.length)} TO ??`, [...tables, user.name]);
          if (sequences.length > 0) await trx.raw(`GRANT ${what} ON SEQUENCE ${list(sequences.length)} TO ??`, [...sequences, user.name]);
        }
      }
    });
    return { createdUsers: created, existingUsers: existing, undo: async () => {} };
  }

  async revokeAccess(_database: string, users: readonly DatabaseUser[], db: Knex): Promise<string[]> {
    const revoked: string[] = [];
    await db.transaction(async (trx) => {
      for (const user of users) {
        if (!(await this.roleExists(trx, user.name))) continue;
        await trx.raw('REVOKE ALL PRIVILEGES ON ALL TABLES IN SCHEMA ?? FROM ??', [await this.schema(trx), user.name]);
        await trx.raw('REVOKE ALL PRIVILEGES ON ALL SEQUENCES IN SCHEMA ?? FROM ??', [await this.schema(trx), user.name]);
        revoked.push(user.name);
      }
    });
    return revoked;
  }

  private async schema(db: Knex): Promise<string> {
    const { rows } = await db.raw('SELECT current_schema() AS s');
    return rows[0].s as string;
  }

  async dropUsers(users: readonly DatabaseUser[]): Promise<string[]> {
    const admin = await this.admin();
    const dropped: string[] = [];
    for (const user of users) {
      if (!(await this.roleExists(admin, user.name))) continue;
      await admin.raw('DROP ROLE ??', [user.name]);
      dropped.push(user.name);
    }
    return dropped;
  }

  async prepareNewDatabase(db: Knex): Promise<void> {
    // kamdbctl adds these to every PostgreSQL database for modules written against MySQL (lcr's rand()).
    await db.raw(
      "CREATE FUNCTION concat (text,text) RETURNS text AS 'SELECT $1 || $2;' LANGUAGE 'sql';\n" +
        "CREATE FUNCTION rand () RETURNS double precision AS 'SELECT random();' LANGUAGE 'sql'",
    );
  }

  async runDdl(db: Knex, statements: readonly string[]): Promise<void> {
    // Several statements in one simple query; a `?` in the DDL must not become a knex placeholder.
    await db.raw(statements.join(';\n').replace(/\?/g, '\\?'));
  }

  async listTables(db: Knex): Promise<string[]> {
    const { rows } = await db.raw('SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename');
    return (rows as { name: string }[]).map((r) => r.name);
  }

  async listColumns(db: Knex, table: string): Promise<string[]> {
    const { rows } = await db.raw(
      'SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position',
      [table],
    );
    return (rows as { name: string }[]).map((r) => r.name);
  }

  async resetSequences(db: Knex, tables: readonly string[]): Promise<void> {
    for (const s of await this.ownedSequences(db, tables)) {
      await db.raw('SELECT setval(?::regclass, COALESCE(MAX(??), 1), MAX(??) IS NOT NULL) FROM ??', [s.sequence, s.column_name, s.column_name, s.table_name]);
    }
  }

  async close(): Promise<void> {
    await this.databases.closeAll();
    await this.server?.destroy();
    this.server = undefined;
  }
}
