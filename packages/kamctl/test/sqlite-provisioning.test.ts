import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { digestHa1, digestHa1b } from '../src/credentials/digest-credentials.js';
import { runKamctl } from './support/run-kamctl.js';
import { createSqliteDatabase, execSql, queryRows } from './support/sqlite-database.js';

describe('kamctl on SQLite: provisioning commands end to end', () => {
  let db: ReturnType<typeof createSqliteDatabase>;
  let env: Record<string, string>;
  before(() => {
    db = createSqliteDatabase();
    // No server: the RPC target is a socket that does not exist.
    env = { DBENGINE: 'SQLITE', DB_PATH: db.path, SIP_DOMAIN: 'lab.local', KAMCTL_RPC: 'unix:/nonexistent/kamailio_ctl' };
  });
  after(() => db.dispose());

  test("add o'x: stored verbatim with Kamailio's ha1/ha1b; a second add exits 1", async () => {
    const r = await runKamctl(['add', "o'x", 'pa\\ss"w'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, "new user 'o'x@lab.local' added\n");
    const [row] = queryRows(db.path, 'SELECT * FROM subscriber WHERE username = ?', "o'x");
    assert.deepEqual(
      { username: row?.['username'], domain: row?.['domain'], password: row?.['password'], ha1: row?.['ha1'], ha1b: row?.['ha1b'] },
      { username: "o'x", domain: 'lab.local', password: 'pa\\ss"w', ha1: digestHa1("o'x", 'lab.local', 'pa\\ss"w'), ha1b: digestHa1b("o'x", 'lab.local', 'lab.local', 'pa\\ss"w') },
    );
    const again = await runKamctl(['add', "o'x", 'x'], env);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already exists/);
  });

  test('a domain containing a backslash and unicode attributes round-trip exactly', async () => {
    assert.equal((await runKamctl(['add', 'bob@back\\slash.local', '--password-stdin'], env, 'secret\n')).code, 0);
    const show = await runKamctl(['show', 'bob@back\\slash.local', '--json'], env);
    assert.equal(show.code, 0, show.stderr);
    const shown = JSON.parse(show.stdout) as Record<string, unknown>;
    assert.equal(shown['domain'], 'back\\slash.local');
    assert.equal(shown['ha1'], digestHa1('bob', 'back\\slash.local', 'secret'));
    const attrs = "weight=10;name=日本語 'é' \\ \"q\"";
    const add = await runKamctl(['dispatcher', 'add', '3', 'sip:10.0.0.1:5060', '0', '5', attrs, 'Zürich ☎', '--json'], env);
    assert.equal(add.code, 0, add.stderr);
    const [row] = queryRows(db.path, 'SELECT attrs, description FROM dispatcher WHERE setid = 3');
    assert.deepEqual(row, { attrs, description: 'Zürich ☎' });
    assert.equal((await runKamctl(['sets', "o'x", 'password', "ünï'cödé\\"], env)).code, 0);
    assert.equal(queryRows(db.path, "SELECT password FROM subscriber WHERE username = 'o''x'")[0]?.['password'], "ünï'cödé\\");
  });

  test('a server that cannot be reached: the DB change is kept, the reload is skipped and said so, exit 0', async () => {
    const r = await runKamctl(['address', 'add', '1', '192.0.2.10', '32', '5060', "tag'1"], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /server not reachable, cache not reloaded/);
    assert.deepEqual(queryRows(db.path, 'SELECT grp, ip_addr, mask, port, tag FROM address'), [{ grp: 1, ip_addr: '192.0.2.10', mask: 32, port: 5060, tag: "tag'1" }]);
    const skipped = await runKamctl(['trusted', 'add', '192.0.2.11', 'udp', '^sip:.*$', 't', '--no-reload'], env);
    assert.equal(skipped.code, 0, skipped.stderr);
    assert.match(skipped.stderr, /--no-reload/);
  });

  test('validation refuses bad input before writing (exit 2): nothing reaches the table', async () => {
    const before = queryRows(db.path, 'SELECT count(*) AS n FROM dispatcher')[0]?.['n'];
    for (const args of [
      ['dispatcher', 'add', 'x', 'sip:10.0.0.1'],
      ['dispatcher', 'add', '1', 'not-a-uri'],
      ['dispatcher', 'add', '1', 'sip:10.0.0.1', '0', '99999999999'],
      ['address', 'add', '1', '10.0.0.300'],
      ['address', 'add', '1', '10.0.0.0', '33'],
      ['address', 'add', '1', '10.0.0.0', '8', '70000'],
      ['trusted', 'add', '10.0.0.1', 'carrier-pigeon'],
      ['add', 'a b', 'pw'],
      ['add', 'a@b@c', 'pw'],
      ['acl', 'grant', "o'x", 'local', 'notagroup'],
      ['setn', "o'x", 'ha1', '12abc'],
      ['sets', "o'x", 'no_such_column', 'x'],
      ['sets', "o'x", 'id', '7'],
    ]) {
      const r = await runKamctl(args, env);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /^kamctl: /);
    }
    assert.equal(queryRows(db.path, 'SELECT count(*) AS n FROM dispatcher')[0]?.['n'], before);
    assert.equal(queryRows(db.path, "SELECT count(*) AS n FROM grp")[0]?.['n'], 0);
  });

  test('acl: VERIFY_USER refuses an unknown user without prompting when stdin is not a TTY; grant is idempotent', async () => {
    const unknown = await runKamctl(['acl', 'grant', 'nobody', 'local'], env);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /non-existent user 'nobody@lab.local'/);
    assert.equal((await runKamctl(['acl', 'grant', "o'x", 'local', 'ld'], env)).code, 0);
    const again = await runKamctl(['acl', 'grant', "o'x", 'local', '--json'], env);
    assert.deepEqual((JSON.parse(again.stdout) as { granted: string[]; already: string[] }).already, ['local']);
    const shown = JSON.parse((await runKamctl(['acl', 'show', "o'x", '--json'], env)).stdout) as { grp: string }[];
    assert.deepEqual(shown.map((r) => r.grp).sort(), ['ld', 'local']);
    assert.equal((await runKamctl(['acl', 'revoke', "o'x", 'ld'], env)).code, 0);
    assert.deepEqual(queryRows(db.path, 'SELECT grp FROM grp'), [{ grp: 'local' }]);
  });

  test('alias_db, speeddial, avp, domain', async () => {
    assert.equal((await runKamctl(['alias_db', 'add', '100@lab.local', "o'x@lab.local"], env)).code, 0);
    assert.equal((await runKamctl(['alias_db', 'add', '100@other.local', "o'x@lab.local"], env)).code, 0, 'same user, other domain: a different alias');
    assert.equal((await runKamctl(['alias_db', 'add', '100@lab.local', 'bob@lab.local'], env)).code, 1);
    assert.deepEqual(JSON.parse((await runKamctl(['alias_db', 'show', '100@lab.local', '--json'], env)).stdout), ["o'x@lab.local"]);
    assert.equal((await runKamctl(['speeddial', 'add', "o'x", '1@lab.local', 'sip:bob@lab.local', 'Bob ☺'], env)).code, 0);
    assert.equal(JSON.parse((await runKamctl(['speeddial', 'list', "o'x", '--json'], env)).stdout)[0].description, 'Bob ☺');
    assert.equal((await runKamctl(['avp', 'add', "o'x@lab.local", 'lang', '0', 'fr-CH ü'], env)).code, 0);
    const avps = JSON.parse((await runKamctl(['avp', 'list', '-u', "o'x@lab.local", '--json'], env)).stdout) as { value: string }[];
    assert.deepEqual(avps.map((a) => a.value), ['fr-CH ü']);
    assert.equal((await runKamctl(['avp', 'rm'], env)).code, 2, 'no filter: refused');
    assert.equal((await runKamctl(['avp', 'rm', '-a', 'lang'], env)).code, 0);
    assert.equal((await runKamctl(['domain', 'add', 'lab.local', '--no-reload'], env)).code, 0);
    assert.equal((await runKamctl(['domain', 'add', 'lab.local', '--no-reload'], env)).code, 1);
    assert.equal(JSON.parse((await runKamctl(['domain', 'showdb', '--json'], env)).stdout)[0].domain, 'lab.local');
  });

  test('rm removes the subscriber, its groups and the aliases pointing at it in one go', async () => {
    const r = await runKamctl(['rm', "o'x", '--json'], env);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { removed: { groups: number; aliases: number; location: string } };
    assert.deepEqual([out.removed.groups, out.removed.aliases, out.removed.location], [1, 2, 'server not reachable']);
    assert.equal(queryRows(db.path, "SELECT count(*) AS n FROM subscriber WHERE username = 'o''x'")[0]?.['n'], 0);
    assert.equal((await runKamctl(['rm', "o'x"], env)).code, 1);
  });

  test('exit codes: 4 for a database error, 2 for usage, with --json an error document on stdout', async () => {
    const missing = await runKamctl(['show', 'x', '--json'], { ...env, DB_PATH: '/nonexistent/kamailio.db' });
    assert.equal(missing.code, 4);
    assert.equal((JSON.parse(missing.stdout) as { error: { type: string } }).error.type, 'DbError');
    assert.equal((await runKamctl(['nosuchcommand'], env)).code, 2);
    assert.equal((await runKamctl(['dispatcher', 'add'], env)).code, 2);
    assert.equal((await runKamctl(['show', 'x'], { KAMCTL_RPC: 'unix:/x' })).code, 2, 'no DBENGINE');
  });

  test('a database error names the database and the driver message, never the values (no password, no hash)', async () => {
    execSql(db.path, "CREATE TRIGGER no_dash BEFORE UPDATE ON subscriber WHEN NEW.password LIKE '% - %' BEGIN SELECT RAISE(ABORT, 'refused - by trigger'); END;");
    const r = await runKamctl(['passwd', 'bob@back\\slash.local', 'top - secret'], env);
    execSql(db.path, 'DROP TRIGGER no_dash;');
    assert.equal(r.code, 4);
    assert.equal(r.stderr, `kamctl: sqlite:${db.path}: SQLITE_CONSTRAINT_TRIGGER: refused - by trigger\n`);
    assert.doesNotMatch(r.stderr, /secret|[0-9a-f]{32}/);
  });

  test('passwords: not from a prompt when stdin is not a terminal; KAMCTL_PASSWORD works', async () => {
    const r = await runKamctl(['add', 'carol'], env);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /stdin is not a terminal/);
    assert.equal((await runKamctl(['add', 'carol'], { ...env, KAMCTL_PASSWORD: 'pw' })).code, 0);
    assert.equal(queryRows(db.path, "SELECT ha1 FROM subscriber WHERE username = 'carol'")[0]?.['ha1'], digestHa1('carol', 'lab.local', 'pw'));
  });
});
