// `kamdbctl upgrade` runs the checked-in knex migrations (migrations/, one per group) on the real
// servers: a database holding only the version table, upgraded to standard + presence + extra,
// has the same tables as one made by the real kamdbctl, table by table (knex's own bookkeeping
// tables aside). On PostgreSQL the rw/ro users get every new table and sequence.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { readLabEnv } from '../harness/index.mjs';
import { freshDatabase, kamctlrc, mysqlCleanup, mysqlKamctlrcLines, mysqlStructure, mysqlVersions, ours, pgCleanup, pgsqlKamctlrcLines, pgStructure, psqlRows, real, show, type PgServer } from './kamdbctl-helpers.js';
import { sqliteRows, sqliteStructure } from './sqlite-structure.js';

const env = readLabEnv();
const pg: PgServer | null = env.postgres ?? null;
const KNEX_TABLES = ['knex_migrations', 'knex_migrations_lock'];

/** Only the version table (STANDARD_MODULES=standard, nothing else). */
const VERSION_ONLY = ['STANDARD_MODULES="standard"', 'INSTALL_PRESENCE_TABLES=no', 'INSTALL_EXTRA_TABLES=no', 'INSTALL_DBUID_TABLES=no'];
/** What the lab's and the real kamdbctl's databases have. */
const FULL = ['INSTALL_PRESENCE_TABLES=yes', 'INSTALL_EXTRA_TABLES=yes', 'INSTALL_DBUID_TABLES=no'];

interface Upgraded {
  readonly applied: string[];
  readonly recorded: string[];
}

/** create with `connection` + VERSION_ONLY, then upgrade with `connection` + FULL; returns upgrade's result. */
async function createThenUpgrade(connection: readonly string[]): Promise<Upgraded> {
  const create = await ours(kamctlrc([...connection, ...VERSION_ONLY]), ['create', '--json']);
  assert.equal(create.code, 0, show(create));
  assert.deepEqual((JSON.parse(create.stdout) as { tables: string[] }).tables, ['version']);
  const upgrade = await ours(kamctlrc([...connection, ...FULL]), ['upgrade', '--json']);
  assert.equal(upgrade.code, 0, show(upgrade));
  const result = JSON.parse(upgrade.stdout) as Upgraded;
  assert.deepEqual(result.recorded, ['standard']);
  assert.equal(result.applied.length, 37);
  const status = await ours(kamctlrc([...connection, ...FULL]), ['status', '--json']);
  assert.equal(status.code, 0, show(status));
  assert.equal((JSON.parse(status.stdout) as { upToDate: boolean }).upToDate, true);
  return result;
}

function withoutKnex(structure: Map<string, string[]>): Map<string, string[]> {
  for (const t of KNEX_TABLES) assert.ok(structure.has(t), `${t} made by upgrade`);
  return new Map([...structure].filter(([t]) => !KNEX_TABLES.includes(t)));
}

function assertSameTables(mine: Map<string, string[]>, theirs: Map<string, string[]>): void {
  assert.deepEqual([...mine.keys()], [...theirs.keys()]);
  assert.equal(mine.size, 63);
  for (const [table, lines] of theirs) assert.deepEqual(mine.get(table), lines, table);
}

describe('kamdbctl upgrade through the knex migrations', () => {
  test('MariaDB: equals the lab database made by the real kamdbctl (latin1), table by table', async (t) => {
    const u = freshDatabase();
    t.after(() => mysqlCleanup([u.name], [u.rwUser, u.roUser]));
    await createThenUpgrade([...mysqlKamctlrcLines(u), 'CHARSET=latin1']);
    assertSameTables(withoutKnex(await mysqlStructure(u.name)), await mysqlStructure(env.dbName));
    assert.deepEqual(await mysqlVersions(u.name), await mysqlVersions(env.dbName));
  });

  test('PostgreSQL: equals a database made by the real kamdbctl; the users can use every table and sequence', { skip: pg ? false : 'no PostgreSQL in this lab' }, async (t) => {
    const mine = freshDatabase();
    const theirs = freshDatabase();
    t.after(() => pgCleanup(pg!, [mine.name, theirs.name], [mine.rwUser, mine.roUser, theirs.rwUser, theirs.roUser]));
    await createThenUpgrade(pgsqlKamctlrcLines(pg!, mine));
    const made = await real(env, kamctlrc([...pgsqlKamctlrcLines(pg!, theirs), ...FULL]), ['create']);
    assert.equal(made.code, 0, show(made));

    assertSameTables(withoutKnex(await pgStructure(pg!, mine.name)), await pgStructure(pg!, theirs.name));
    const versions = 'SELECT table_name, table_version FROM version ORDER BY 1';
    assert.deepEqual(await psqlRows(pg!, mine.name, versions), await psqlRows(pg!, theirs.name, versions));

    const missing = (user: string, privilege: string, kind: 'r' | 'S') =>
      psqlRows(
        pg!,
        mine.name,
        kind === 'r'
          ? `SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relname NOT LIKE 'knex\\_%' AND NOT has_table_privilege('${user}', oid, '${privilege}') ORDER BY 1`
          : `SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relname NOT LIKE 'knex\\_%' AND CASE WHEN relkind = 'S' THEN NOT has_sequence_privilege('${user}', oid, '${privilege}') ELSE false END ORDER BY 1`,
      );
    assert.deepEqual(await missing(mine.rwUser, 'INSERT,UPDATE,DELETE,SELECT', 'r'), []);
    assert.deepEqual(await missing(mine.roUser, 'SELECT', 'r'), []);
    assert.deepEqual(await missing(mine.rwUser, 'USAGE,UPDATE', 'S'), []);
  });

  test('SQLite: equals a database made by the real kamdbctl, table by table', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'kamdbctl-upgrade-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const mine = join(dir, 'ours.sqlite');
    const theirs = join(dir, 'real.sqlite');
    await createThenUpgrade(['DBENGINE=SQLITE', `DB_PATH="${mine}"`]);
    const made = await real(env, kamctlrc(['DBENGINE=SQLITE', `DB_PATH="${theirs}"`, ...FULL]), ['create']);
    assert.equal(made.code, 0, show(made));
    assertSameTables(withoutKnex(sqliteStructure(mine)), sqliteStructure(theirs));
    const versions = 'SELECT table_name, table_version FROM version ORDER BY table_name';
    assert.deepEqual(sqliteRows(mine, versions), sqliteRows(theirs, versions));
  });
});
