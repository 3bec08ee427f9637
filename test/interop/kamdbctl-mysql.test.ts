// kamkit's kamdbctl against the real MariaDB and the real Kamailio 5.6.3 tools:
// - `create` builds the same schema as the real kamdbctl, table by table (information_schema),
//   with latin1 and with the server's utf8mb4;
// - a real Kamailio starts on it (auth_db, usrloc db_mode 2, dispatcher, permissions, group,
//   domain, alias_db) and authenticates a REGISTER; the real kamctl works on it;
// - bad input (credentials, existing database, unknown group, no server, a failure half-way)
//   gives a clear message and a non-zero exit, and leaves nothing half-made.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, test } from 'node:test';

import { kamcmd, kamctl, mysqlRoot, pickFreePorts, readLabEnv, registerUser, run, startKamailio, type KamailioLab } from '../harness/index.mjs';
import {
  clashSchemaDir,
  freshDatabase,
  KAMDBCTL_CFG,
  kamctlrc,
  mysqlCleanup,
  mysqlDatabaseExists,
  mysqlKamctlrcLines,
  mysqlRows,
  mysqlStructure,
  mysqlUserExists,
  mysqlVersions,
  ours,
  real,
  show,
  uniqueName,
  versionErrors,
} from './kamdbctl-helpers.js';

const env = readLabEnv();
const databases: string[] = [];
const users: string[] = [];
after(() => mysqlCleanup(databases, users));

/** A kamctlrc for a fresh MariaDB database and users (registered for cleanup). */
function mysqlConfig(extra: readonly string[] = []) {
  const u = freshDatabase();
  databases.push(u.name);
  users.push(u.rwUser, u.roUser);
  const rc = kamctlrc([
    ...mysqlKamctlrcLines(u),
    'INSTALL_PRESENCE_TABLES=yes',
    'INSTALL_EXTRA_TABLES=yes',
    'INSTALL_DBUID_TABLES=no',
    ...extra,
  ]);
  return { ...u, rc };
}

/** Same tables, same columns/indexes per table, same version rows. */
async function assertSameSchema(ourDb: string, realDb: string): Promise<void> {
  const mine = await mysqlStructure(ourDb);
  const theirs = await mysqlStructure(realDb);
  assert.deepEqual([...mine.keys()], [...theirs.keys()]);
  assert.equal(mine.size, 63);
  for (const [table, lines] of theirs) assert.deepEqual(mine.get(table), lines, table);
  assert.deepEqual(await mysqlVersions(ourDb), await mysqlVersions(realDb));
}

describe('kamdbctl on MariaDB', () => {
  test('create (latin1) equals the lab database made by the real kamdbctl, table by table', async () => {
    const c = mysqlConfig(['CHARSET=latin1']);
    const r = await ours(c.rc, ['create', '--json']);
    assert.equal(r.code, 0, show(r));
    const result = JSON.parse(r.stdout) as { tables: string[]; charset: string; createdUsers: string[] };
    assert.equal(result.tables.length, 63);
    assert.equal(result.charset, 'latin1');
    assert.deepEqual(result.createdUsers, [`'${c.rwUser}'@'localhost'`, `'${c.roUser}'@'localhost'`]);
    assert.ok(!r.stdout.includes(c.rwPassword) && !r.stderr.includes(c.rwPassword));
    await assertSameSchema(c.name, env.dbName);
  });

  test('utf8mb4 (the server default) works and equals the real kamdbctl with CHARSET=utf8mb4', async () => {
    const c = mysqlConfig();
    const r = await ours(c.rc, ['create', '--json']);
    assert.equal(r.code, 0, show(r));
    assert.equal((JSON.parse(r.stdout) as { charset: string }).charset, 'utf8mb4');

    const realDb = mysqlConfig(['CHARSET=utf8mb4']);
    const made = await real(env, realDb.rc, ['create']);
    assert.equal(made.code, 0, show(made));
    const [[charset] = []] = await mysqlRows(`SELECT DEFAULT_CHARACTER_SET_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '${c.name}'`);
    assert.equal(charset, 'utf8mb4');
    await assertSameSchema(c.name, realDb.name);
  });

  test('users are created once: a second create after a drop keeps them (the real kamdbctl fails there)', async () => {
    const c = mysqlConfig(['INSTALL_PRESENCE_TABLES=no', 'INSTALL_EXTRA_TABLES=no']);
    assert.equal((await ours(c.rc, ['create'])).code, 0);
    const drop = await ours(c.rc, ['drop', '--yes']);
    assert.equal(drop.code, 0, show(drop));
    assert.equal(await mysqlDatabaseExists(c.name), false);
    assert.equal(await mysqlUserExists(c.rwUser), true, 'drop keeps the users unless --drop-users');

    const again = await ours(c.rc, ['create', '--json']);
    assert.equal(again.code, 0, show(again));
    const result = JSON.parse(again.stdout) as { createdUsers: string[]; existingUsers: string[] };
    assert.deepEqual(result.createdUsers, []);
    assert.deepEqual(result.existingUsers, [`'${c.rwUser}'@'localhost'`, `'${c.roUser}'@'localhost'`]);
    // The existing rw user still logs in with its password (MYSQL_PWD: not on a command line) and has its grant.
    const login = await run('mysql', ['-u', c.rwUser, '-N', '-e', 'SELECT COUNT(*) FROM version', c.name], { env: { ...process.env, MYSQL_PWD: c.rwPassword } });
    assert.equal(login.code, 0, show(login));
    assert.equal(login.stdout.trim(), '29');
    const grants = await mysqlRows(`SHOW GRANTS FOR '${c.rwUser}'@'localhost'`);
    assert.ok(grants.some(([g]) => g!.includes(`ON \`${c.name}\`.*`)), JSON.stringify(grants));

    // grant is idempotent too; revoke takes the access away, a second revoke is no error.
    assert.equal((await ours(c.rc, ['grant'])).code, 0);
    assert.equal((await ours(c.rc, ['revoke'])).code, 0);
    assert.ok(!(await mysqlRows(`SHOW GRANTS FOR '${c.rwUser}'@'localhost'`)).some(([g]) => g!.includes(`\`${c.name}\``)));
    assert.equal((await ours(c.rc, ['revoke'])).code, 0);
  });

  describe('a real Kamailio 5.6.3 on a database made by our kamdbctl', () => {
    const c = mysqlConfig(['CHARSET=latin1']);
    let lab: KamailioLab | undefined;
    after(() => lab?.stop());

    test('starts without version errors with auth_db, usrloc (db_mode 2), dispatcher, permissions, group, domain, alias_db', async () => {
      const r = await ours(c.rc, ['create']);
      assert.equal(r.code, 0, show(r));
      lab = await startKamailio({
        cfgFile: KAMDBCTL_CFG,
        domain: env.domain,
        children: 2,
        database: { engine: 'MYSQL', name: c.name, host: 'localhost', rwUser: c.rwUser, rwPassword: c.rwPassword, roUser: c.roUser, roPassword: c.roPassword },
      });
      const log = readFileSync(lab.env.logFile, 'utf8');
      assert.deepEqual(versionErrors(log), []);
      const modules = await kamcmd(lab.env, ['core.modules']);
      for (const m of ['auth_db', 'usrloc', 'dispatcher', 'permissions', 'group', 'domain', 'alias_db']) assert.match(modules.stdout, new RegExp(`^${m}$`, 'm'), m);
    });

    test('authenticates a REGISTER of a subscriber added by the real kamctl; usrloc writes the contact to location', async () => {
      assert.ok(lab, 'lab started');
      const reg = await registerUser(lab.env, { user: 'kdb-alice', password: 'kdb-secret', contacts: 1 });
      assert.equal(reg.responses[0]?.status, 200);
      // db_mode 2 flushes on the 1 s timer.
      let rows: string[][] = [];
      for (let i = 0; i < 40 && rows.length === 0; i++) {
        rows = await mysqlRows(`SELECT username, domain, contact FROM \`${c.name}\`.location WHERE username = 'kdb-alice'`);
        if (rows.length === 0) await new Promise((r) => setTimeout(r, 250));
      }
      assert.deepEqual(rows, [['kdb-alice', env.domain, reg.contacts[0]!]]);
    });

    test('the real kamctl works on it (domain, alias_db, acl, address, dispatcher, ul)', async () => {
      assert.ok(lab, 'lab started');
      for (const args of [
        ['domain', 'add', 'kdb.example'],
        ['alias_db', 'add', `kdb-al@${env.domain}`, `kdb-alice@${env.domain}`],
        ['acl', 'grant', `kdb-alice@${env.domain}`, 'local'],
        ['address', 'add', '1', '10.9.8.7', '32', '5060', 'kdb'],
        ['dispatcher', 'add', '7', 'sip:10.9.8.7:5060'],
      ]) {
        const r = await kamctl(lab.env, args);
        assert.equal(r.code, 0, `kamctl ${args.join(' ')}: ${show(r)}`);
      }
      const counts = await mysqlRows(
        `SELECT (SELECT COUNT(*) FROM \`${c.name}\`.domain WHERE domain = 'kdb.example'), (SELECT COUNT(*) FROM \`${c.name}\`.dbaliases WHERE alias_username = 'kdb-al'),
                (SELECT COUNT(*) FROM \`${c.name}\`.grp WHERE grp = 'local'), (SELECT COUNT(*) FROM \`${c.name}\`.address WHERE ip_addr = '10.9.8.7'),
                (SELECT COUNT(*) FROM \`${c.name}\`.dispatcher WHERE setid = 7)`,
      );
      assert.deepEqual(counts, [['1', '1', '1', '1', '1']]);
      const ul = await kamctl(lab.env, ['ul', 'show', `kdb-alice@${env.domain}`]);
      assert.equal(ul.code, 0, show(ul));
      assert.match(ul.stdout, /kdb-alice/);
    });
  });

  describe('bad input: a clear message, a non-zero exit, nothing half-made', () => {
    test('wrong administrator credentials: exit 4, no database, no users, the password not echoed', async () => {
      const c = mysqlConfig(['DBROOTUSER=kdb_no_such_admin', 'DBROOTPW=not-the-password']);
      const r = await ours(c.rc, ['create']);
      assert.equal(r.code, 4, show(r));
      assert.match(r.stderr, /Access denied for user 'kdb_no_such_admin'.*check DBROOTUSER and DBROOTPW/);
      assert.ok(!r.stderr.includes('not-the-password') && !r.stdout.includes('not-the-password'));
      assert.equal(await mysqlDatabaseExists(c.name), false);
      assert.equal(await mysqlUserExists(c.rwUser), false);
    });

    test('an existing database: exit 5, the database untouched', async () => {
      const c = mysqlConfig([`DBNAME=${env.dbName}`]);
      const before = await mysqlStructure(env.dbName);
      const r = await ours(c.rc, ['create']);
      assert.equal(r.code, 5, show(r));
      assert.match(r.stderr, new RegExp(`database ${env.dbName} already exists .*nothing changed`));
      assert.deepEqual(await mysqlStructure(env.dbName), before);
      assert.equal(await mysqlUserExists(c.rwUser), false);
    });

    test('an unknown group: exit 2 naming the known ones; nothing created', async () => {
      const c = mysqlConfig(['EXTRA_MODULES="imc nosuchgroup"']);
      const r = await ours(c.rc, ['create']);
      assert.equal(r.code, 2, show(r));
      assert.match(r.stderr, /unknown table group nosuchgroup \(known: .*auth_db/);
      assert.equal(await mysqlDatabaseExists(c.name), false);
      const add = await ours(mysqlConfig([`DBNAME=${env.dbName}`]).rc, ['add-tables', 'nosuchgroup']);
      assert.equal(add.code, 2, show(add));
    });

    test('an unreachable server: exit 3 within the connect timeout', async () => {
      const { sip: closedPort } = await pickFreePorts();
      const c = mysqlConfig(['DBHOST=127.0.0.1', `DBPORT=${closedPort}`]);
      const t0 = Date.now();
      const r = await ours(c.rc, ['create']);
      assert.equal(r.code, 3, show(r));
      assert.match(r.stderr, /ECONNREFUSED.*is the server running\? check DBHOST\/DBPORT/);
      assert.ok(Date.now() - t0 < 15_000);
    });

    test('a failure half-way removes the new database and the users this run made, never an existing user', async () => {
      const schemaDir = clashSchemaDir();
      const c = mysqlConfig(['STANDARD_MODULES="standard acc auth_db clash"']);
      // The rw user exists before (with a grant elsewhere); the ro user does not.
      const other = uniqueName();
      databases.push(other);
      await mysqlRoot(`CREATE DATABASE ${other}; CREATE USER '${c.rwUser}'@'localhost' IDENTIFIED BY '${c.rwPassword}'; GRANT SELECT ON ${other}.* TO '${c.rwUser}'@'localhost';`);
      const r = await ours(c.rc, ['create', '--schema-dir', schemaDir]);
      assert.notEqual(r.code, 0, show(r));
      assert.match(r.stderr, /creating table subscriber \(group (auth_db|clash)\)/);
      assert.equal(await mysqlDatabaseExists(c.name), false);
      assert.equal(await mysqlUserExists(c.roUser), false);
      assert.equal(await mysqlUserExists(c.rwUser), true);
      const grants = (await mysqlRows(`SHOW GRANTS FOR '${c.rwUser}'@'localhost'`)).map(([g]) => g!);
      assert.ok(grants.some((g) => g.includes(`\`${other}\``)), 'its other grant stays');
      assert.ok(!grants.some((g) => g.includes(`\`${c.name}\``)), 'the grant this run added is gone');
    });
  });
});
