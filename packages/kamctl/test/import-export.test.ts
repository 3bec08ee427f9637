import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { digestHa1 } from '../src/credentials/digest-credentials.js';
import { formatCsv, parseCsv } from '../src/import/csv.js';
import { runKamctl } from './support/run-kamctl.js';
import { createSqliteDatabase, execSql, queryRows } from './support/sqlite-database.js';

const count = (path: string, table: string) => Number(queryRows(path, `SELECT count(*) AS n FROM ${table}`)[0]?.['n']);

describe('CSV', () => {
  test('quoted commas, quotes, line breaks and a BOM; formatCsv quotes only where needed and parses back', () => {
    assert.deepEqual(parseCsv('\ufeffa,b\r\n"x,1","say ""hi"""\n"multi\nline",\n'), [['a', 'b'], ['x,1', 'say "hi"'], ['multi\nline', '']]);
    const rows = [["o'x", 'a"b'], ['c,d', null], [' lead', 'ü']];
    const text = formatCsv(['u', 'v'], rows);
    assert.equal(text, 'u,v\no\'x,"a""b"\n"c,d",\n" lead",ü\n');
    assert.deepEqual(parseCsv(text).slice(1), rows.map((r) => r.map((c) => c ?? '')));
  });
});

describe('kamctl import / export on SQLite', () => {
  let db: ReturnType<typeof createSqliteDatabase>;
  let env: Record<string, string>;
  let dir: string;
  before(() => {
    db = createSqliteDatabase();
    dir = mkdtempSync(join(tmpdir(), 'kamctl-import-'));
    env = { DBENGINE: 'SQLITE', DB_PATH: db.path, SIP_DOMAIN: 'lab.local', KAMCTL_RPC: 'unix:/nonexistent/ctl' };
  });
  after(() => db.dispose());
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  test('subscribers from CSV: dry-run writes nothing, import adds, the same file again changes nothing', async () => {
    const csv = file('subs.csv', "username,domain,password\no'x,lab.local,\"p,w\"\nu2,,pw2\nü3,back\\slash.local,pw3\n");
    const dry = await runKamctl(['import', 'subscribers', csv, '--dry-run', '--json'], env);
    assert.equal(dry.code, 0, dry.stderr);
    const plan = (JSON.parse(dry.stdout) as { plan: { add: { password: string }[]; change: unknown[]; remove: unknown[] } }).plan;
    assert.equal(plan.add.length, 3);
    assert.ok(plan.add.every((r) => r.password === '***'), 'the plan never shows a password');
    assert.equal(count(db.path, 'subscriber'), 0);

    const first = await runKamctl(['import', 'subscribers', csv, '--json'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(JSON.parse(first.stdout), { kind: 'subscribers', added: 3, changed: 0, removed: 0, unchanged: 0, reload: null });
    assert.equal(queryRows(db.path, 'SELECT ha1 FROM subscriber WHERE domain = ?', 'back\\slash.local')[0]?.['ha1'], digestHa1('ü3', 'back\\slash.local', 'pw3'));
    const second = await runKamctl(['import', 'subscribers', csv, '--json'], env);
    assert.deepEqual(JSON.parse(second.stdout), { kind: 'subscribers', added: 0, changed: 0, removed: 0, unchanged: 3, reload: null });
  });

  test('export then import of the export is a no-op; a changed password is one change; --replace removes the rest', async () => {
    const exported = await runKamctl(['export', 'subscribers'], env);
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, /^username,domain,password,ha1,ha1b\n/);
    const again = await runKamctl(['import', 'subscribers', file('export.csv', exported.stdout), '--json'], env);
    assert.equal((JSON.parse(again.stdout) as { unchanged: number }).unchanged, 3);
    const one = file('one.json', JSON.stringify([{ username: 'u2', domain: 'lab.local', password: 'new' }]));
    const dry = await runKamctl(['import', 'subscribers', one, '--replace', '--dry-run'], env);
    assert.match(dry.stdout, /^subscribers: 0 to add, 1 to change, 2 to remove, 0 unchanged\n/);
    assert.match(dry.stdout, /\n~ username="u2" domain="lab.local" \(ha1: .*password: "\*\*\*" -> "\*\*\*"\)/);
    const done = await runKamctl(['import', 'subscribers', one, '--replace', '--json'], env);
    assert.deepEqual(JSON.parse(done.stdout), { kind: 'subscribers', added: 0, changed: 1, removed: 2, unchanged: 0, reload: null });
    assert.deepEqual(queryRows(db.path, 'SELECT username, ha1 FROM subscriber'), [{ username: 'u2', ha1: digestHa1('u2', 'lab.local', 'new') }]);
  });

  test('all or nothing: an invalid record refuses the file (exit 2), a failing statement rolls everything back (exit 4)', async () => {
    const bad = file('bad.csv', 'setid,destination\n1,sip:10.0.0.1\nx,sip:10.0.0.2\n2,nope\n');
    const refused = await runKamctl(['import', 'dispatcher', bad], env);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /2 invalid record\(s\), nothing imported:\nrecord 2: invalid set id "x".*\nrecord 3: invalid destination "nope"/);
    assert.equal(count(db.path, 'dispatcher'), 0);
    // The third insert fails inside the database: the two before it must not stay.
    execSql(db.path, "CREATE TRIGGER boom BEFORE INSERT ON grp WHEN NEW.username = 'boom' BEGIN SELECT RAISE(ABORT, 'boom refused'); END;");
    const acl = file('acl.csv', 'username,domain,grp\na,lab.local,local\nb,lab.local,ld\nboom,lab.local,int\n');
    const failed = await runKamctl(['import', 'acl', acl], env);
    assert.equal(failed.code, 4, failed.stderr);
    assert.match(failed.stderr, /boom refused/);
    assert.equal(count(db.path, 'grp'), 0);
  });

  test('dispatcher, address, domain: import, export and a second import are stable; the reload is reported', async () => {
    const ds = file('ds.json', JSON.stringify([
      { setid: 1, destination: 'sip:10.0.0.1:5060', flags: 0, priority: 5, attrs: 'weight=50;x=日本', description: "gw 'one'" },
      { setid: 2, destination: 'sip:10.0.0.2:5060' },
    ]));
    const first = await runKamctl(['import', 'dispatcher', ds, '--json'], env);
    assert.equal(first.code, 0, first.stderr);
    const out = JSON.parse(first.stdout) as { added: number; reload: { status: string; method: string } };
    assert.equal(out.added, 2);
    assert.deepEqual([out.reload.status, out.reload.method], ['unreachable', 'dispatcher.reload']);
    assert.equal((JSON.parse((await runKamctl(['import', 'dispatcher', ds, '--json'], env)).stdout) as { unchanged: number }).unchanged, 2);
    const exported = (await runKamctl(['export', 'dispatcher', '--json'], env)).stdout;
    assert.equal((JSON.parse(exported) as { attrs: string }[])[0]?.attrs, 'weight=50;x=日本');
    assert.equal((JSON.parse((await runKamctl(['import', 'dispatcher', file('ds2.json', exported), '--json'], env)).stdout) as { unchanged: number }).unchanged, 2);

    const addr = file('addr.csv', 'grp,ip_addr,mask,port,tag\n1,192.0.2.0,24,0,lan\n2,2001:db8::,32,5060,\n');
    assert.equal((JSON.parse((await runKamctl(['import', 'address', addr, '--json', '--no-reload'], env)).stdout) as { added: number }).added, 2);
    assert.equal((JSON.parse((await runKamctl(['import', 'address', addr, '--json'], env)).stdout) as { unchanged: number }).unchanged, 2);
    // A NULL tag (written by another tool) exports as an empty CSV field and imports back unchanged.
    execSql(db.path, "INSERT INTO address (grp, ip_addr, mask, port, tag) VALUES (3, '203.0.113.1', 32, 0, NULL);");
    const addrCsv = file('addr-export.csv', (await runKamctl(['export', 'address'], env)).stdout);
    assert.equal((JSON.parse((await runKamctl(['import', 'address', addrCsv, '--json'], env)).stdout) as { unchanged: number }).unchanged, 3);
    const dom = file('dom.csv', 'domain,did\nlab.local,\nother.local,d2\n');
    assert.equal((JSON.parse((await runKamctl(['import', 'domain', dom, '--json', '--no-reload'], env)).stdout) as { added: number }).added, 2);
    assert.deepEqual(queryRows(db.path, 'SELECT domain, did FROM domain ORDER BY id'), [{ domain: 'lab.local', did: null }, { domain: 'other.local', did: 'd2' }]);
    const exportedDomains = (await runKamctl(['export', 'domain'], env)).stdout;
    assert.equal(exportedDomains, 'domain,did\nlab.local,\nother.local,d2\n');
  });

  test('a password that does not validate is never printed', async () => {
    const secret = `s3cret-${'x'.repeat(70)}`;
    const r = await runKamctl(['import', 'subscribers', file('long.csv', `username,password\nlong,${secret}\n`)], env);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /record 1: invalid password "\*\*\*"/);
    assert.doesNotMatch(r.stdout + r.stderr, /s3cret/);
  });

  test('a repeated key in the file and an unknown kind are usage errors', async () => {
    const dup = file('dup.csv', 'username,domain,grp\na,lab.local,local\na,lab.local,local\n');
    assert.equal((await runKamctl(['import', 'acl', dup], env)).code, 2);
    assert.equal((await runKamctl(['import', 'nosuchkind', dup], env)).code, 2);
    assert.equal((await runKamctl(['import', 'acl', join(dir, 'missing.csv')], env)).code, 2);
  });

  test('2,345 subscribers: many INSERT statements, one transaction; a failure in the last one takes all back', async () => {
    const n = 2345;
    const users = file('bulk.csv', `username,domain,password\n${Array.from({ length: n }, (_, i) => `bulk${i},bulk.local,pw${i}`).join('\n')}\n`);
    const inBulk = () => Number(queryRows(db.path, "SELECT count(*) AS n FROM subscriber WHERE domain = 'bulk.local'")[0]?.['n']);
    execSql(db.path, "CREATE TRIGGER bulk_boom BEFORE INSERT ON subscriber WHEN NEW.username = 'bulk2300' BEGIN SELECT RAISE(ABORT, 'bulk2300 refused'); END;");
    const failed = await runKamctl(['import', 'subscribers', users], env);
    assert.equal(failed.code, 4, failed.stderr);
    assert.match(failed.stderr, /bulk2300 refused/);
    assert.equal(inBulk(), 0);
    execSql(db.path, 'DROP TRIGGER bulk_boom');
    const done = await runKamctl(['import', 'subscribers', users, '--json'], env);
    assert.deepEqual(JSON.parse(done.stdout), { kind: 'subscribers', added: n, changed: 0, removed: 0, unchanged: 0, reload: null });
    assert.equal(inBulk(), n);
    assert.equal(queryRows(db.path, 'SELECT ha1 FROM subscriber WHERE username = ?', 'bulk2344')[0]?.['ha1'], digestHa1('bulk2344', 'bulk.local', 'pw2344'));
    const again = await runKamctl(['import', 'subscribers', users, '--json'], env);
    assert.equal((JSON.parse(again.stdout) as { unchanged: number }).unchanged, n);
  });
});
