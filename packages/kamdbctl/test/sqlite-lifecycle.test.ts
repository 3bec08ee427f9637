// create / status / upgrade / backup / restore / drop on a temp SQLite database, through the bin,
// with its exit codes and the guarantees: nothing existing is overwritten, nothing half-made stays.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { kamdbctl, SCHEMAS, sqliteConfig, sqliteExec, sqliteRows, sqliteSchema } from './helpers.js';

interface StatusJson {
  upToDate: boolean;
  problems: string[];
  groups: { group: string; state: string; set: string }[];
}

const groupState = (s: StatusJson, id: string) => s.groups.find((g) => g.group === id)?.state;

describe('kamdbctl on SQLite', { concurrency: 4 }, () => {
  it('create refuses an existing database and leaves it untouched (exit 5)', async () => {
    const { rc, db } = sqliteConfig();
    assert.equal((await kamdbctl(['create', '-c', rc])).code, 0);
    const before = readFileSync(db);
    const again = await kamdbctl(['create', '-c', rc]);
    assert.equal(again.code, 5);
    assert.match(again.stderr, /already exists.*nothing changed/);
    assert.deepEqual(readFileSync(db), before);
  });

  it('status says up to date (exit 0), and names what differs (exit 8)', async () => {
    const { rc, db } = sqliteConfig();
    assert.equal((await kamdbctl(['create', '-c', rc])).code, 0);
    const ok = await kamdbctl(['status', '-c', rc, '--json']);
    assert.equal(ok.code, 0, ok.stderr);
    const s = JSON.parse(ok.stdout) as StatusJson;
    assert.equal(s.upToDate, true);
    assert.equal(groupState(s, 'auth_db'), 'installed');
    assert.equal(groupState(s, 'presence'), 'absent');

    sqliteExec(db, "UPDATE version SET table_version = 8 WHERE table_name = 'location'");
    sqliteExec(db, 'DROP TABLE speed_dial');
    const bad = await kamdbctl(['status', '-c', rc]);
    assert.equal(bad.code, 8);
    assert.match(bad.stdout, /usrloc\s+standard\s+outdated/);
    assert.match(bad.stdout, /location: present, version 8, schema version 9 \(outdated\)/);
    assert.match(bad.stdout, /speeddial\s+standard\s+partial\s+0\/1/);
    assert.match(bad.stdout, /differs from the schema: .*usrloc outdated/);
  });

  it('upgrade adds absent groups through the knex migrations and then matches a direct create', async () => {
    const { rc, db } = sqliteConfig();
    assert.equal((await kamdbctl(['create', '-c', rc])).code, 0);
    const up = await kamdbctl(['upgrade', '-c', rc, '--presence', '--no-extra', '--json']);
    assert.equal(up.code, 0, up.stderr + up.stdout);
    const result = JSON.parse(up.stdout) as { applied: string[]; recorded: string[]; upToDate: boolean };
    assert.deepEqual(result.applied, ['presence', 'rls']);
    assert.equal(result.recorded.length, 19);
    assert.equal(result.upToDate, true);
    const migrations = sqliteRows(db, 'SELECT name, batch FROM knex_migrations ORDER BY name') as { name: string; batch: number }[];
    assert.equal(migrations.length, 21);
    assert.deepEqual(
      migrations.filter((m) => m.batch !== 0).map((m) => m.name),
      ['050603_20_presence.js', '050603_21_rls.js'],
    );

    const direct = sqliteConfig(['INSTALL_PRESENCE_TABLES=yes']);
    assert.equal((await kamdbctl(['create', '-c', direct.rc])).code, 0);
    assert.deepEqual(sqliteSchema(db), sqliteSchema(direct.db));

    // Nothing left to do: a second upgrade applies nothing and records nothing.
    const again = JSON.parse((await kamdbctl(['upgrade', '-c', rc, '--presence', '--no-extra', '--json'])).stdout) as typeof result;
    assert.deepEqual([again.applied, again.recorded], [[], []]);
  });

  it('upgrade reports a group it cannot migrate (exit 8) and leaves it alone', async () => {
    const { rc, db } = sqliteConfig();
    assert.equal((await kamdbctl(['create', '-c', rc])).code, 0);
    sqliteExec(db, 'DROP TABLE location_attrs');
    const up = await kamdbctl(['upgrade', '-c', rc, '--no-presence', '--no-extra']);
    assert.equal(up.code, 8);
    assert.match(up.stdout, /still differs \(needs manual migration\): usrloc partial/);
    assert.equal(existsSync(db), true);
    assert.deepEqual(sqliteRows(db, "SELECT name FROM sqlite_master WHERE name = 'location_attrs'"), []);
  });

  it('backup and restore round-trip every value (text, numbers, dates, NULL, binary) in one transaction', async () => {
    const { rc, db, dir } = sqliteConfig(['INSTALL_PRESENCE_TABLES=yes']);
    assert.equal((await kamdbctl(['create', '-c', rc])).code, 0);
    sqliteExec(db, "INSERT INTO subscriber (username, domain, password, ha1, ha1b) VALUES ('zoë', 'example.com', 'p''w\"\\\n', 'h1', 'h2')");
    sqliteExec(db, "INSERT INTO location (ruid, username, contact, expires, q, methods) VALUES ('r1', 'zoë', 'sip:z@1.2.3.4', '2031-01-02 03:04:05', 0.5, NULL)");
    const blob = Buffer.from([0, 1, 2, 0xfe, 0xff, 0x0a, 0x22]);
    sqliteExec(
      db,
      "INSERT INTO presentity (username, domain, event, etag, expires, received_time, body, sender, priority, ruid) VALUES ('zoë', 'example.com', 'presence', 'e1', 1, 2, ?, 's', 0, 'r')",
      blob,
    );
    const backupFile = join(dir, 'kamailio.backup');
    const b = await kamdbctl(['backup', '-c', rc, backupFile, '--json']);
    assert.equal(b.code, 0, b.stderr);
    assert.deepEqual(
      (({ tables, rows }) => ({ tables, rows }))(JSON.parse(b.stdout) as { tables: number; rows: number }),
      { tables: 36, rows: 3 + 36 },
    );
    const lines = readFileSync(backupFile, 'utf8').trimEnd().split('\n');
    assert.equal(JSON.parse(lines[0]!).format, 'kamkit-kamdbctl-backup');
    assert.deepEqual(JSON.parse(lines[lines.length - 1]!), { end: true, rows: 39 });
    assert.equal(statSync(backupFile).mode & 0o777, 0o600);

    // Into a fresh database of the same schema.
    const target = sqliteConfig(['INSTALL_PRESENCE_TABLES=yes']);
    assert.equal((await kamdbctl(['create', '-c', target.rc])).code, 0);
    const r = await kamdbctl(['restore', '-c', target.rc, backupFile]);
    assert.equal(r.code, 0, r.stderr);
    for (const sql of [
      'SELECT * FROM subscriber',
      'SELECT * FROM location',
      'SELECT * FROM presentity',
      'SELECT * FROM version ORDER BY table_name',
    ]) {
      assert.deepEqual(sqliteRows(target.db, sql), sqliteRows(db, sql), sql);
    }
    const [row] = sqliteRows(target.db, 'SELECT body FROM presentity') as { body: Buffer }[];
    assert.deepEqual(row!.body, blob);

    // Rows exist now: replacing them needs a confirmation, which a pipe cannot give.
    const refused = await kamdbctl(['restore', '-c', target.rc, backupFile]);
    assert.equal(refused.code, 6);
    assert.match(refused.stderr, /not confirmed.*--yes/);

    // A truncated backup changes nothing.
    sqliteExec(target.db, "UPDATE subscriber SET password = 'changed'");
    const truncated = join(dir, 'truncated.backup');
    writeFileSync(truncated, `${lines.slice(0, -1).join('\n')}\n`);
    const t = await kamdbctl(['restore', '-c', target.rc, truncated, '--yes']);
    assert.equal(t.code, 1);
    assert.match(t.stderr, /truncated.*nothing restored/);
    assert.deepEqual(sqliteRows(target.db, 'SELECT password FROM subscriber'), [{ password: 'changed' }]);

    // A database without the backup's tables is refused before anything is deleted.
    const small = sqliteConfig();
    assert.equal((await kamdbctl(['create', '-c', small.rc])).code, 0);
    sqliteExec(small.db, "INSERT INTO subscriber (username) VALUES ('keep')");
    const missing = await kamdbctl(['restore', '-c', small.rc, backupFile, '--yes']);
    assert.equal(missing.code, 7);
    assert.match(missing.stderr, /table presentity is missing/);
    assert.deepEqual(sqliteRows(small.db, 'SELECT username FROM subscriber'), [{ username: 'keep' }]);
  });

  it('backup does not replace an existing file without confirmation', async () => {
    const { rc, dir } = sqliteConfig();
    assert.equal((await kamdbctl(['create', '-c', rc])).code, 0);
    const file = join(dir, 'old.backup');
    writeFileSync(file, 'precious');
    const r = await kamdbctl(['backup', '-c', rc, file]);
    assert.equal(r.code, 6);
    assert.equal(readFileSync(file, 'utf8'), 'precious');
    assert.equal((await kamdbctl(['backup', '-c', rc, file, '--yes'])).code, 0);
    assert.notEqual(readFileSync(file, 'utf8'), 'precious');
  });

  it('drop needs --yes without a terminal (exit 6), then removes the file; a missing database is exit 7', async () => {
    const { rc, db } = sqliteConfig();
    assert.equal((await kamdbctl(['create', '-c', rc])).code, 0);
    const refused = await kamdbctl(['drop', '-c', rc]);
    assert.equal(refused.code, 6);
    assert.equal(existsSync(db), true);
    const dropped = await kamdbctl(['drop', '-c', rc, '--yes']);
    assert.equal(dropped.code, 0, dropped.stderr);
    assert.equal(existsSync(db), false);
    assert.equal((await kamdbctl(['drop', '-c', rc, '--yes'])).code, 7);
    assert.equal((await kamdbctl(['status', '-c', rc])).code, 7);
  });

  it('a create that fails half-way removes the database file it made', async () => {
    // A schema whose third group creates subscriber a second time: the failure comes after tables were made.
    const dir = mkdtempSync(join(tmpdir(), 'kamdbctl-clash-'));
    cpSync(SCHEMAS, dir, { recursive: true });
    writeFileSync(
      join(dir, 'kamailio-clash.xml'),
      '<?xml version="1.0"?>\n<database xmlns:xi="http://www.w3.org/2001/XInclude"><name>clash</name><xi:include href="subscriber.xml"/></database>\n',
    );
    const { rc, db } = sqliteConfig(['STANDARD_MODULES="standard auth_db clash"']);
    const r = await kamdbctl(['create', '-c', rc, '--schema-dir', dir]);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /creating table subscriber \(group clash\)/);
    assert.equal(existsSync(db), false);
  });

  it('add-tables adds one group, refuses it twice (exit 5) and an unknown group (exit 2)', async () => {
    const { rc, db } = sqliteConfig();
    assert.equal((await kamdbctl(['create', '-c', rc])).code, 0);
    const add = await kamdbctl(['add-tables', 'matrix', '-c', rc]);
    assert.equal(add.code, 0, add.stderr);
    assert.deepEqual(sqliteRows(db, "SELECT table_version FROM version WHERE table_name = 'matrix'"), [{ table_version: 1 }]);
    const twice = await kamdbctl(['add-tables', 'matrix', '-c', rc]);
    assert.equal(twice.code, 5);
    assert.match(twice.stderr, /already has table matrix: nothing changed/);
    const unknown = await kamdbctl(['add-tables', 'nosuch', '-c', rc]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown table group nosuch \(known: .*auth_db.*\)/);
    const presence = await kamdbctl(['presence', '-c', rc]);
    assert.equal(presence.code, 0, presence.stderr);
    assert.equal(sqliteRows(db, "SELECT * FROM sqlite_master WHERE type = 'table' AND name IN ('presentity', 'rls_watchers')").length, 2);
    assert.equal((await kamdbctl(['dbuid', '-c', rc])).code, 0);
  });

  it('copy makes a new database with the same groups and rows', async () => {
    const { rc, db, dir } = sqliteConfig(['INSTALL_EXTRA_TABLES=yes']);
    assert.equal((await kamdbctl(['create', '-c', rc])).code, 0);
    sqliteExec(db, "INSERT INTO dr_gateways (type, address) VALUES (1, 'gw1'), (2, 'gw2')");
    const copy = join(dir, 'copy.sqlite');
    const r = await kamdbctl(['copy', copy, '-c', rc]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(sqliteSchema(copy), sqliteSchema(db));
    assert.deepEqual(sqliteRows(copy, 'SELECT * FROM dr_gateways'), sqliteRows(db, 'SELECT * FROM dr_gateways'));
    assert.equal((await kamdbctl(['copy', copy, '-c', rc])).code, 5);
  });

  it('asks nothing without a terminal: "ask" means no, with a notice; --yes means yes', async () => {
    const { rc, db } = sqliteConfig(['INSTALL_PRESENCE_TABLES=ask']);
    const r = await kamdbctl(['create', '-c', rc]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /INSTALL_PRESENCE_TABLES=ask and no terminal: skipped/);
    assert.deepEqual(sqliteRows(db, "SELECT name FROM sqlite_master WHERE name = 'presentity'"), []);
    const yes = sqliteConfig(['INSTALL_PRESENCE_TABLES=ask']);
    assert.equal((await kamdbctl(['create', '-c', yes.rc, '--yes'])).code, 0);
    assert.equal(sqliteRows(yes.db, "SELECT name FROM sqlite_master WHERE name = 'presentity'").length, 1);
  });

  it('refuses bad settings before touching anything (exit 2)', async () => {
    for (const [line, message] of [
      ['INSTALL_EXTRA_TABLES=maybe', /INSTALL_EXTRA_TABLES=maybe must be yes, no or ask/],
      ['DBENGINE=DBTEXT', /DBENGINE=DBTEXT is not supported/],
      ['DB_PATH=', /needs DB_PATH/],
    ] as const) {
      const { rc, db } = sqliteConfig([line]);
      const r = await kamdbctl(['create', '-c', rc]);
      assert.equal(r.code, 2, line);
      assert.match(r.stderr, message);
      assert.equal(existsSync(db), false);
    }
    const missing = await kamdbctl(['create', '-c', '/nonexistent/kamctlrc']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /config file \/nonexistent\/kamctlrc does not exist/);
  });

  it('--json errors are one document on stdout', async () => {
    const { rc } = sqliteConfig();
    const r = await kamdbctl(['status', '-c', rc, '--json']);
    assert.equal(r.code, 7);
    const doc = JSON.parse(r.stdout) as { error: { kind: string; exitCode: number; message: string } };
    assert.equal(doc.error.kind, 'notFound');
    assert.equal(doc.error.exitCode, 7);
  });
});
