// Shared by the kamdbctl interop tests: running OUR kamdbctl and the REAL one with their own
// kamctlrc, reading a database's structure from information_schema, and cleaning up.
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { mysqlRoot, run, withSbin, type LabEnv, type RunResult } from '../harness/index.mjs';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const OUR_KAMDBCTL = join(ROOT, 'packages/kamdbctl/bin/kamdbctl.js');
export const KAMDBCTL_CFG = join(ROOT, 'test/interop/kamdbctl-kamailio.cfg');
export const SCHEMAS = join(ROOT, 'schemas');

/** A fresh name for databases and users of one test (`kdb_<hex>`), never a lab's. */
export const uniqueName = (): string => `kdb_${randomBytes(4).toString('hex')}`;
export const secret = (): string => randomBytes(12).toString('base64url');

export interface TestDatabase {
  readonly name: string;
  readonly rwUser: string;
  readonly roUser: string;
  readonly rwPassword: string;
  readonly roPassword: string;
}

/** Fresh names and passwords for one test's database and its rw/ro users. */
export function freshDatabase(): TestDatabase {
  const name = uniqueName();
  return { name, rwUser: `${name}_rw`, roUser: `${name}_ro`, rwPassword: secret(), roPassword: secret() };
}

/**
 * kamctlrc lines for `u` on the local MariaDB: its database and rw/ro users, administered as
 * root over the socket without a password.
 */
export function mysqlKamctlrcLines(u: TestDatabase): string[] {
  return [
    'DBENGINE=MYSQL',
    'DBHOST=localhost',
    `DBNAME=${u.name}`,
    `DBRWUSER=${u.rwUser}`,
    `DBRWPW="${u.rwPassword}"`,
    `DBROUSER=${u.roUser}`,
    `DBROPW="${u.roPassword}"`,
    'DBROOTUSER=root',
    'DBROOTPW=""',
    'DBROOTPWSKIP=yes',
  ];
}

/** kamctlrc lines for `u` on the PostgreSQL server `pg`, administered as its user. */
export function pgsqlKamctlrcLines(pg: PgServer, u: TestDatabase): string[] {
  return [
    'DBENGINE=PGSQL',
    `DBHOST=${pg.host}`,
    `DBPORT=${pg.port}`,
    `DBNAME=${u.name}`,
    `DBROOTUSER=${pg.user}`,
    `DBRWUSER=${u.rwUser}`,
    `DBRWPW="${u.rwPassword}"`,
    `DBROUSER=${u.roUser}`,
    `DBROPW="${u.roPassword}"`,
  ];
}

/** Environment without DB settings that a developer's shell could leak in. */
function cleanEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(DB|INSTALL_|CHARSET|KAMDBCTL_|PG)/.test(k)) env[k] = v;
  return { ...env, HOME: home, PATH: withSbin(process.env['PATH']) };
}

/** Writes a kamctlrc (as `.kamctlrc` in a fresh HOME, which is what the real kamdbctl reads). */
export function kamctlrc(lines: readonly string[]): { home: string; rc: string } {
  const home = mkdtempSync(join(tmpdir(), 'kamdbctl-interop-'));
  const rc = join(home, '.kamctlrc');
  writeFileSync(rc, `${lines.join('\n')}\n`, { mode: 0o600 });
  return { home, rc };
}

/** OUR kamdbctl with `--config <rc>`; stdin is not a terminal. */
export function ours(rc: { home: string; rc: string }, args: readonly string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return run(process.execPath, [OUR_KAMDBCTL, ...args, '--config', rc.rc], { env: { ...cleanEnv(rc.home), ...extraEnv }, timeoutMs: 120_000 });
}

/** The REAL kamdbctl, reading `~/.kamctlrc` of the same HOME. */
export function real(env: LabEnv, rc: { home: string }, args: readonly string[]): Promise<RunResult> {
  return run(env.bin.kamdbctl, args, { env: cleanEnv(rc.home), timeoutMs: 180_000 });
}

/** A copy of schemas/ plus a group `clash` that creates subscriber a second time: a create that fails half-way. */
export function clashSchemaDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kamdbctl-clash-'));
  cpSync(SCHEMAS, dir, { recursive: true });
  writeFileSync(
    join(dir, 'kamailio-clash.xml'),
    '<?xml version="1.0"?>\n<database xmlns:xi="http://www.w3.org/2001/XInclude"><name>clash</name><xi:include href="subscriber.xml"/></database>\n',
  );
  return dir;
}

export const show = (r: RunResult): string => `exit ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;

/** Rows of a `mysql -N -B` result as arrays of fields. */
export async function mysqlRows(sql: string): Promise<string[][]> {
  const r = await mysqlRoot(sql);
  if (r.code !== 0) throw new Error(`mysql failed: ${r.stderr}`);
  return r.stdout.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
}

const quote = (s: string) => `'${s.replace(/[\\']/g, '\\$&')}'`;

/**
 * A MySQL database's structure per table, from information_schema: columns (type, NULL, default,
 * extra, charset), indexes (name, columns in order, uniqueness) and the table engine/collation.
 */
export async function mysqlStructure(db: string): Promise<Map<string, string[]>> {
  const byTable = new Map<string, string[]>();
  const add = (table: string, line: string) => byTable.set(table, [...(byTable.get(table) ?? []), line]);
  for (const [t, ...rest] of await mysqlRows(
    `SELECT TABLE_NAME, ENGINE, TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = ${quote(db)} ORDER BY TABLE_NAME`,
  )) {
    add(t!, `table ${rest.join(' ')}`);
  }
  for (const [t, ...rest] of await mysqlRows(
    `SELECT TABLE_NAME, ORDINAL_POSITION, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, IFNULL(COLUMN_DEFAULT, '(none)'), EXTRA, IFNULL(CHARACTER_SET_NAME, '-'), IFNULL(COLLATION_NAME, '-'), COLUMN_KEY
     FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ${quote(db)} ORDER BY TABLE_NAME, ORDINAL_POSITION`,
  )) {
    add(t!, `column ${rest.join(' | ')}`);
  }
  for (const [t, ...rest] of await mysqlRows(
    `SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, IFNULL(SUB_PART, '-'), INDEX_TYPE
     FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ${quote(db)} ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
  )) {
    add(t!, `index ${rest.join(' | ')}`);
  }
  return byTable;
}

export async function mysqlVersions(db: string): Promise<string[][]> {
  return mysqlRows(`SELECT table_name, table_version FROM \`${db}\`.version ORDER BY table_name`);
}

export async function mysqlUserExists(user: string, host = 'localhost'): Promise<boolean> {
  return (await mysqlRows(`SELECT COUNT(*) FROM mysql.user WHERE User = ${quote(user)} AND Host = ${quote(host)}`))[0]?.[0] === '1';
}

export async function mysqlDatabaseExists(db: string): Promise<boolean> {
  return (await mysqlRows(`SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ${quote(db)}`))[0]?.[0] === '1';
}

/** Drops test databases and every account of the test users (any host). */
export async function mysqlCleanup(dbs: readonly string[], users: readonly string[]): Promise<void> {
  const accounts = users.length
    ? await mysqlRows(`SELECT CONCAT(QUOTE(User), '@', QUOTE(Host)) FROM mysql.user WHERE User IN (${users.map(quote).join(', ')})`)
    : [];
  const sql = [...dbs.map((d) => `DROP DATABASE IF EXISTS \`${d}\`;`), ...accounts.map(([a]) => `DROP USER IF EXISTS ${a};`)].join('\n');
  if (sql) await mysqlRoot(sql);
}

export interface PgServer {
  readonly host: string;
  readonly port: number;
  readonly user: string;
}

/** `psql -At` as the PostgreSQL administrator; fields separated by tabs. */
export async function psqlRows(pg: PgServer, database: string, sql: string): Promise<string[][]> {
  const r = await run('psql', ['-h', pg.host, '-p', String(pg.port), '-U', pg.user, '-d', database, '-w', '-X', '-At', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
    timeoutMs: 60_000,
  });
  if (r.code !== 0) throw new Error(`psql failed: ${r.stderr}`);
  return r.stdout.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
}

/** A PostgreSQL database's structure per table: columns, constraints, indexes, owned sequences. */
export async function pgStructure(pg: PgServer, db: string): Promise<Map<string, string[]>> {
  const byTable = new Map<string, string[]>();
  const add = (table: string, line: string) => byTable.set(table, [...(byTable.get(table) ?? []), line]);
  for (const [t, ...rest] of await psqlRows(
    pg,
    db,
    `SELECT table_name, ordinal_position, column_name, data_type, coalesce(character_maximum_length::text, '-'), coalesce(numeric_precision::text, '-'), is_nullable, coalesce(column_default, '(none)')
     FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  )) {
    add(t!, `column ${rest.join(' | ')}`);
  }
  for (const [t, ...rest] of await psqlRows(
    pg,
    db,
    `SELECT tc.table_name, tc.constraint_name, tc.constraint_type, string_agg(k.column_name, ',' ORDER BY k.ordinal_position)
     FROM information_schema.table_constraints tc
     LEFT JOIN information_schema.key_column_usage k ON k.constraint_name = tc.constraint_name AND k.table_name = tc.table_name AND k.table_schema = tc.table_schema
     WHERE tc.table_schema = 'public' AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE')
     GROUP BY tc.table_name, tc.constraint_name, tc.constraint_type ORDER BY 1, 2`,
  )) {
    add(t!, `constraint ${rest.join(' | ')}`);
  }
  for (const [t, ...rest] of await psqlRows(pg, db, `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`)) {
    add(t!, `index ${rest.join(' | ')}`);
  }
  for (const [t, ...rest] of await psqlRows(
    pg,
    db,
    `SELECT t.relname, s.relname FROM pg_class s JOIN pg_depend d ON d.objid = s.oid AND d.deptype = 'a' JOIN pg_class t ON t.oid = d.refobjid WHERE s.relkind = 'S' ORDER BY 1, 2`,
  )) {
    add(t!, `sequence ${rest.join(' | ')}`);
  }
  return byTable;
}

export async function pgCleanup(pg: PgServer, dbs: readonly string[], roles: readonly string[]): Promise<void> {
  for (const d of dbs) await psqlRows(pg, 'postgres', `DROP DATABASE IF EXISTS "${d}"`).catch(() => undefined);
  for (const r of roles) await psqlRows(pg, 'postgres', `DROP ROLE IF EXISTS "${r}"`).catch(() => undefined);
}

/** Kamailio log lines about table versions or DB errors (none expected). */
export function versionErrors(log: string): string[] {
  return log.split('\n').filter((l) => /version|table.*(not found|doesn't exist|does not exist)/i.test(l) && /ERROR|CRITICAL|ALERT/.test(l));
}
