// kamkit's kamdbctl on SQLite against the real Kamailio 5.6.3 tools:
// - `create` makes the same database as the real kamdbctl (DBENGINE=SQLITE, DB_PATH), table by
//   table (CREATE text, PRAGMA table_info, index_list, index_info) with the same version rows;
// - a real Kamailio with db_sqlite starts on it (auth_db, usrloc db_mode 2, dispatcher,
//   permissions, group, domain, alias_db) and authenticates a REGISTER of a subscriber that the
//   real kamctl added; the real kamctl (kamctl.sqlite, through the sqlite3 shell) works on it.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { kamcmd, kamctl, readLabEnv, registerUser, startKamailio, which, type KamailioLab } from '../harness/index.mjs';
import { KAMDBCTL_CFG, kamctlrc, ours, real, show, versionErrors } from './kamdbctl-helpers.js';
import { sqliteRows, sqliteStructure } from './sqlite-structure.js';

const env = readLabEnv();
const made: string[] = [];

/** A kamctlrc (in a fresh HOME) for a new SQLite file in a fresh directory. */
function sqliteConfig() {
  const file = join(mkdtempSync(join(tmpdir(), 'kamdbctl-sqlite-')), 'kamailio.sqlite');
  const rc = kamctlrc(['DBENGINE=SQLITE', `DB_PATH="${file}"`, 'INSTALL_PRESENCE_TABLES=yes', 'INSTALL_EXTRA_TABLES=yes', 'INSTALL_DBUID_TABLES=no']);
  made.push(dirname(file), rc.home);
  return { file, rc };
}

describe('kamdbctl on SQLite', () => {
  const ourDb = sqliteConfig();
  const realDb = sqliteConfig();
  after(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  before(async () => {
    // The real kamdbctl and kamctl run the sqlite3 shell for every statement.
    assert.ok(which('sqlite3'), 'the sqlite3 shell is needed by the real kamdbctl/kamctl on SQLite (Debian package: sqlite3)');
    const mine = await ours(ourDb.rc, ['create', '--json']);
    assert.equal(mine.code, 0, show(mine));
    assert.equal((JSON.parse(mine.stdout) as { tables: string[] }).tables.length, 63);
    const theirs = await real(env, realDb.rc, ['create']);
    assert.equal(theirs.code, 0, show(theirs));
    assert.match(theirs.stdout + theirs.stderr, /Extra tables successfully created/);
  });

  test('create equals the database made by the real kamdbctl, table by table, with the same version rows', () => {
    const mine = sqliteStructure(ourDb.file);
    const theirs = sqliteStructure(realDb.file);
    assert.equal(mine.size, 63);
    assert.deepEqual([...mine.keys()], [...theirs.keys()]);
    for (const [table, lines] of theirs) assert.deepEqual(mine.get(table), lines, table);
    const versions = 'SELECT table_name, table_version FROM version ORDER BY table_name';
    assert.deepEqual(sqliteRows(ourDb.file, versions), sqliteRows(realDb.file, versions));
    assert.equal(sqliteRows(ourDb.file, versions).length, 63);
  });

  describe('a real Kamailio 5.6.3 (db_sqlite) on the database made by our kamdbctl', () => {
    let lab: KamailioLab | undefined;
    after(() => lab?.stop());

    test('starts without version errors with auth_db, usrloc (db_mode 2), dispatcher, permissions, group, domain, alias_db', async () => {
      lab = await startKamailio({
        cfgFile: KAMDBCTL_CFG,
        defines: ['WITH_SQLITE'],
        domain: env.domain,
        children: 2,
        database: { engine: 'SQLITE', path: ourDb.file },
      });
      assert.equal(lab.env.dbUrl, `sqlite:///${ourDb.file}`);
      assert.deepEqual(versionErrors(readFileSync(lab.env.logFile, 'utf8')), []);
      const modules = await kamcmd(lab.env, ['core.modules']);
      for (const m of ['db_sqlite', 'auth_db', 'usrloc', 'dispatcher', 'permissions', 'group', 'domain', 'alias_db']) assert.match(modules.stdout, new RegExp(`^${m}$`, 'm'), m);
    });

    test('authenticates a REGISTER of a subscriber added by the real kamctl; usrloc writes the contact to location', async () => {
      assert.ok(lab, 'lab started');
      // registerUser runs the real `kamctl add` first (the lab's rc: DBENGINE=SQLITE, DB_PATH).
      const reg = await registerUser(lab.env, { user: 'kdb-carol', password: 'kdb-secret', contacts: 1 });
      assert.equal(reg.responses[0]?.status, 200);
      assert.deepEqual(sqliteRows(ourDb.file, "SELECT username, domain, password FROM subscriber WHERE username = 'kdb-carol'"), [['kdb-carol', env.domain, 'kdb-secret']]);
      // db_mode 2 flushes on the 1 s timer.
      let rows: string[][] = [];
      for (let i = 0; i < 40 && rows.length === 0; i++) {
        rows = sqliteRows(ourDb.file, "SELECT username, domain, contact FROM location WHERE username = 'kdb-carol'");
        if (rows.length === 0) await new Promise((r) => setTimeout(r, 250));
      }
      assert.deepEqual(rows, [['kdb-carol', env.domain, reg.contacts[0]!]]);
    });

    test('the real kamctl works on it (show, domain, alias_db, acl, address, dispatcher; ul show)', async () => {
      assert.ok(lab, 'lab started');
      const shown = await kamctl(lab.env, ['show', `kdb-carol@${env.domain}`]);
      assert.equal(shown.code, 0, show(shown));
      assert.match(shown.stdout, new RegExp(`\\|kdb-carol\\|${env.domain.replace(/\./g, '\\.')}\\|kdb-secret\\|[0-9a-f]{32}\\|[0-9a-f]{32}$`, 'm'));
      const again = await kamctl(lab.env, ['add', `kdb-carol@${env.domain}`, 'other']);
      assert.notEqual(again.code, 0, 'the real kamctl refuses an existing subscriber');
      assert.match(again.stdout + again.stderr, /already exists/);

      for (const args of [
        ['domain', 'add', 'kdb.example'],
        ['alias_db', 'add', `kdb-cl@${env.domain}`, `kdb-carol@${env.domain}`],
        ['acl', 'grant', `kdb-carol@${env.domain}`, 'local'],
        ['address', 'add', '1', '10.9.8.7', '32', '5060', 'kdb'],
        ['dispatcher', 'add', '7', 'sip:10.9.8.7:5060'],
      ]) {
        const r = await kamctl(lab.env, args);
        assert.equal(r.code, 0, `kamctl ${args.join(' ')}: ${show(r)}`);
      }
      const counts = sqliteRows(
        ourDb.file,
        `SELECT (SELECT COUNT(*) FROM domain WHERE domain = 'kdb.example'), (SELECT COUNT(*) FROM dbaliases WHERE alias_username = 'kdb-cl'),
                (SELECT COUNT(*) FROM grp WHERE grp = 'local'), (SELECT COUNT(*) FROM address WHERE ip_addr = '10.9.8.7'),
                (SELECT COUNT(*) FROM dispatcher WHERE setid = 7)`,
      );
      assert.deepEqual(counts, [['1', '1', '1', '1', '1']]);
      // Kamailio reads the rows the real kamctl wrote.
      for (const method of ['dispatcher.reload', 'permissions.addressReload', 'domain.reload']) {
        const r = await kamcmd(lab.env, [method]);
        assert.equal(r.code, 0, show(r));
        assert.doesNotMatch(r.stdout, /error/i, `${method}: ${r.stdout}`);
      }
      assert.match((await kamcmd(lab.env, ['dispatcher.list'])).stdout, /sip:10\.9\.8\.7:5060/);
      assert.match((await kamcmd(lab.env, ['permissions.addressDump'])).stdout, /10\.9\.8\.7/);
      assert.match((await kamcmd(lab.env, ['domain.dump'])).stdout, /kdb\.example/);
      const ul = await kamctl(lab.env, ['ul', 'show', `kdb-carol@${env.domain}`]);
      assert.equal(ul.code, 0, show(ul));
      assert.match(ul.stdout, /kdb-carol/);
      // Several Kamailio processes share the file: no driver errors (e.g. "database is locked").
      assert.deepEqual(readFileSync(lab.env.logFile, 'utf8').split('\n').filter((l) => /ERROR: db_sqlite/.test(l)), []);
    });
  });
});
