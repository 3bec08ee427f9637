// kamkit's kamdbctl against the real PostgreSQL and the real Kamailio 5.6.3 tools: the same
// schema as the real kamdbctl (information_schema, per table), grants on every sequence the
// tables own (the real one misses dr_gateways_gwid_seq and dr_rules_ruleid_seq), a real Kamailio
// with db_postgres that authenticates a REGISTER, and bad input that leaves nothing behind.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { kamcmd, kamctl, pickFreePorts, readLabEnv, registerUser, run, startKamailio, type KamailioLab } from '../harness/index.mjs';
import { clashSchemaDir, freshDatabase, KAMDBCTL_CFG, kamctlrc, ours, pgCleanup, pgsqlKamctlrcLines, pgStructure, psqlRows, real, show, versionErrors, type PgServer } from './kamdbctl-helpers.js';

const env = readLabEnv();
const pg: PgServer | null = env.postgres ?? null;
const databases: string[] = [];
const roles: string[] = [];

function pgConfig(extra: readonly string[] = []) {
  const u = freshDatabase();
  databases.push(u.name);
  roles.push(u.rwUser, u.roUser);
  const rc = kamctlrc([
    ...pgsqlKamctlrcLines(pg!, u),
    'INSTALL_PRESENCE_TABLES=yes',
    'INSTALL_EXTRA_TABLES=yes',
    'INSTALL_DBUID_TABLES=no',
    ...extra,
  ]);
  return { ...u, rc };
}

const exists = async (db: string) => (await psqlRows(pg!, 'postgres', `SELECT count(*) FROM pg_database WHERE datname = '${db}'`))[0]?.[0] === '1';
const roleExists = async (role: string) => (await psqlRows(pg!, 'postgres', `SELECT count(*) FROM pg_roles WHERE rolname = '${role}'`))[0]?.[0] === '1';

describe('kamdbctl on PostgreSQL', { skip: pg ? false : 'no PostgreSQL in this lab (KAMKIT_INTEROP_NO_POSTGRES=1)' }, () => {
  after(() => (pg ? pgCleanup(pg, databases, roles) : undefined));
  const ourDb = pgConfig();
  const realDb = pgConfig();

  before(async () => {
    const mine = await ours(ourDb.rc, ['create']);
    assert.equal(mine.code, 0, show(mine));
    const theirs = await real(env, realDb.rc, ['create']);
    assert.equal(theirs.code, 0, show(theirs));
  });

  test('create equals the database made by the real kamdbctl, table by table; functions and versions too', async () => {
    const mine = await pgStructure(pg!, ourDb.name);
    const theirs = await pgStructure(pg!, realDb.name);
    assert.equal(mine.size, 63);
    assert.deepEqual([...mine.keys()], [...theirs.keys()]);
    for (const [table, lines] of theirs) assert.deepEqual(mine.get(table), lines, table);
    const versions = 'SELECT table_name, table_version FROM version ORDER BY 1';
    assert.deepEqual(await psqlRows(pg!, ourDb.name, versions), await psqlRows(pg!, realDb.name, versions));
    const functions = "SELECT proname, pg_get_function_arguments(oid), prosrc FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 1";
    assert.deepEqual(await psqlRows(pg!, ourDb.name, functions), await psqlRows(pg!, realDb.name, functions));
  });

  test('grants cover every table and every sequence the tables own; the rw user can insert into dr_gateways', async () => {
    const check = (db: string, user: string, privilege: string, kind: 'table' | 'sequence') =>
      psqlRows(
        pg!,
        db,
        kind === 'table'
          ? `SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND NOT has_table_privilege('${user}', oid, '${privilege}') ORDER BY 1`
          : // CASE: has_sequence_privilege must only see sequences (PostgreSQL does not evaluate AND in order).
            `SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND CASE WHEN relkind = 'S' THEN NOT has_sequence_privilege('${user}', oid, '${privilege}') ELSE false END ORDER BY 1`,
      );
    assert.deepEqual(await check(ourDb.name, ourDb.rwUser, 'INSERT,UPDATE,DELETE,SELECT', 'table'), []);
    assert.deepEqual(await check(ourDb.name, ourDb.roUser, 'SELECT', 'table'), []);
    assert.deepEqual(await check(ourDb.name, ourDb.rwUser, 'USAGE,UPDATE', 'sequence'), []);
    assert.deepEqual(await check(ourDb.name, ourDb.roUser, 'SELECT', 'sequence'), []);
    // What the real kamdbctl leaves out (its `<table>_id_seq` guess):
    assert.deepEqual(await check(realDb.name, realDb.rwUser, 'USAGE', 'sequence'), [['dr_gateways_gwid_seq'], ['dr_rules_ruleid_seq'], ['version_id_seq']]);

    const insert = await run('psql', ['-h', pg!.host, '-p', String(pg!.port), '-U', ourDb.rwUser, '-d', ourDb.name, '-w', '-X', '-At', '-c', "INSERT INTO dr_gateways (type, address) VALUES (1, 'gw') RETURNING gwid"], {
      env: { ...process.env, PGPASSWORD: ourDb.rwPassword },
    });
    assert.equal(insert.code, 0, show(insert));
    assert.match(insert.stdout, /^\d+\n/);
    const ro = await run('psql', ['-h', pg!.host, '-p', String(pg!.port), '-U', ourDb.roUser, '-d', ourDb.name, '-w', '-X', '-At', '-c', "INSERT INTO dr_gateways (type, address) VALUES (1, 'gw')"], {
      env: { ...process.env, PGPASSWORD: ourDb.roPassword },
    });
    assert.notEqual(ro.code, 0);
    assert.match(ro.stderr, /permission denied/);
  });

  test('status is up to date; backup and restore go through the drivers', async () => {
    const status = await ours(ourDb.rc, ['status', '--json']);
    assert.equal(status.code, 0, show(status));
    assert.equal((JSON.parse(status.stdout) as { upToDate: boolean }).upToDate, true);
    const file = join(mkdtempSync(join(tmpdir(), 'kamdbctl-pg-')), 'backup.jsonl');
    assert.equal((await ours(ourDb.rc, ['backup', file])).code, 0);
    const copy = pgConfig();
    assert.equal((await ours(copy.rc, ['create'])).code, 0);
    const restored = await ours(copy.rc, ['restore', file]);
    assert.equal(restored.code, 0, show(restored));
    const rows = 'SELECT gwid, type, address FROM dr_gateways ORDER BY gwid';
    assert.deepEqual(await psqlRows(pg!, copy.name, rows), await psqlRows(pg!, ourDb.name, rows));
    // The sequence moved past the restored ids: the next insert does not collide.
    const next = (await psqlRows(pg!, copy.name, "INSERT INTO dr_gateways (type, address) VALUES (2, 'new') RETURNING gwid"))[0]?.[0];
    const max = (await psqlRows(pg!, ourDb.name, 'SELECT coalesce(max(gwid), 0) FROM dr_gateways'))[0]?.[0];
    assert.ok(Number(next) > Number(max), `${next} > ${max}`);
  });

  describe('a real Kamailio 5.6.3 (db_postgres) on it', () => {
    let lab: KamailioLab | undefined;
    after(() => lab?.stop());

    test('starts without version errors and authenticates a REGISTER; usrloc (db_mode 2) writes location; the real kamctl works', async () => {
      lab = await startKamailio({
        cfgFile: KAMDBCTL_CFG,
        defines: ['WITH_PGSQL'],
        domain: env.domain,
        children: 2,
        database: { engine: 'PGSQL', name: ourDb.name, host: pg!.host, port: pg!.port, rwUser: ourDb.rwUser, rwPassword: ourDb.rwPassword, roUser: ourDb.roUser, roPassword: ourDb.roPassword },
      });
      assert.deepEqual(versionErrors(readFileSync(lab.env.logFile, 'utf8')), []);
      const modules = await kamcmd(lab.env, ['core.modules']);
      for (const m of ['db_postgres', 'auth_db', 'usrloc', 'dispatcher', 'permissions', 'group', 'domain', 'alias_db']) assert.match(modules.stdout, new RegExp(`^${m}$`, 'm'), m);

      const reg = await registerUser(lab.env, { user: 'kdb-bob', password: 'kdb-secret', contacts: 1 });
      assert.equal(reg.responses[0]?.status, 200);
      let rows: string[][] = [];
      for (let i = 0; i < 40 && rows.length === 0; i++) {
        rows = await psqlRows(pg!, ourDb.name, "SELECT username, contact FROM location WHERE username = 'kdb-bob'");
        if (rows.length === 0) await new Promise((r) => setTimeout(r, 250));
      }
      assert.deepEqual(rows, [['kdb-bob', reg.contacts[0]!]]);

      for (const args of [
        ['domain', 'add', 'kdb.example'],
        ['address', 'add', '1', '10.9.8.7', '32', '5060', 'kdb'],
        ['dispatcher', 'add', '7', 'sip:10.9.8.7:5060'],
      ]) {
        const r = await kamctl(lab.env, args);
        assert.equal(r.code, 0, `kamctl ${args.join(' ')}: ${show(r)}`);
      }
      assert.deepEqual(await psqlRows(pg!, ourDb.name, "SELECT count(*) FROM domain WHERE domain = 'kdb.example'"), [['1']]);
      assert.deepEqual(await psqlRows(pg!, ourDb.name, 'SELECT count(*) FROM dispatcher WHERE setid = 7'), [['1']]);
    });
  });

  describe('bad input', () => {
    test('an unknown administrator: exit 4; an existing database: exit 5; no server: exit 3', async () => {
      const badUser = pgConfig(['DBROOTUSER=kdb_no_such_role']);
      const r = await ours(badUser.rc, ['create']);
      assert.equal(r.code, 4, show(r));
      assert.match(r.stderr, /role "kdb_no_such_role" does not exist/);
      assert.equal(await exists(badUser.name), false);

      const existing = await ours(ourDb.rc, ['create']);
      assert.equal(existing.code, 5, show(existing));

      const { sip: closedPort } = await pickFreePorts();
      const down = await ours(pgConfig([`DBPORT=${closedPort}`]).rc, ['create']);
      assert.equal(down.code, 3, show(down));
      assert.match(down.stderr, /ECONNREFUSED/);
    });

    test('a failure half-way rolls everything back: no database, no roles', async () => {
      const schemaDir = clashSchemaDir();
      const c = pgConfig(['STANDARD_MODULES="standard acc auth_db clash"']);
      const r = await ours(c.rc, ['create', '--schema-dir', schemaDir]);
      assert.equal(r.code, 5, show(r));
      assert.match(r.stderr, /creating table subscriber \(group clash\): relation "subscriber" already exists/);
      assert.equal(await exists(c.name), false);
      assert.equal(await roleExists(c.rwUser), false);
      assert.equal(await roleExists(c.roUser), false);
    });
  });
});
