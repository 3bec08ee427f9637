import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { settingsFromVariables } from '../src/settings/kamctl-settings.js';
import { runKamctl } from './support/run-kamctl.js';
import { createSqliteDatabase } from './support/sqlite-database.js';

describe('settings from kamctlrc (@kamkit/kamctlrc)', () => {
  let db: ReturnType<typeof createSqliteDatabase>;
  let home: string;
  before(() => {
    db = createSqliteDatabase();
    home = mkdtempSync(join(tmpdir(), 'kamctl-home-'));
    writeFileSync(join(home, '.kamctlrc'), `SIP_DOMAIN=home.local\nDBENGINE=SQLITE\nDB_PATH="${db.path}"\nKAMCTL_RPC=unix:/nonexistent/ctl\nSTORE_PLAINTEXT_PW=0\n`);
  });
  after(() => db.dispose());

  test("kamctl defaults when nothing is set: kamctl's FIFO, ACL groups, VERIFY_* on", () => {
    const s = settingsFromVariables({});
    assert.equal(s.rpc.target, 'fifo:/run/kamailio/kamailio_rpc.fifo');
    assert.equal(s.rpc.fifoReplyDir, '/tmp/');
    assert.deepEqual(s.aclGroups, ['local', 'ld', 'int', 'voicemail', 'free-pstn']);
    assert.deepEqual([s.verifyUser, s.verifyAcl, s.credentials.storePlaintextPassword, s.db], [true, true, true, undefined]);
    assert.equal(settingsFromVariables({ CHROOT_DIR: '/srv/k/', RPCFIFOPATH: '/srv/k/f' }).rpc.fifoReplyDir, '/srv/k/tmp/');
    assert.equal(settingsFromVariables({ DBENGINE: 'mysql' }).db?.socketPath, '/run/mysqld/mysqld.sock');
    assert.equal(settingsFromVariables({ DBENGINE: 'MYSQL', DBHOST: 'db', DBPORT: '3307' }).db?.socketPath, undefined);
  });

  test('~/.kamctlrc is read; a non-empty environment variable wins over it; STORE_PLAINTEXT_PW=0 stores no password', async () => {
    const env = { HOME: home };
    assert.equal((await runKamctl(['add', 'rcuser', 'pw'], env)).code, 0);
    const row = JSON.parse((await runKamctl(['show', 'rcuser@home.local', '--json'], env)).stdout) as { password: string; domain: string };
    assert.deepEqual([row.domain, row.password], ['home.local', '']);
    const overridden = await runKamctl(['add', 'envuser', 'pw', '--json'], { ...env, SIP_DOMAIN: 'env.local' });
    assert.deepEqual(JSON.parse(overridden.stdout), { added: { username: 'envuser', domain: 'env.local' } });
  });

  test('--config reads only that file; `kamctl config` shows values and sources with secrets masked', async () => {
    const file = join(home, 'other.rc');
    writeFileSync(file, `SIP_DOMAIN=other.local\nDBENGINE=SQLITE\nDB_PATH=${db.path}\nDBRWPW=s3cret\nX=$(id)\n`);
    const r = await runKamctl(['config', '--config', file, '--json'], { HOME: home });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { files: string[]; variables: { name: string; value: string; source: string }[] };
    assert.deepEqual(out.files, [file]);
    const byName = Object.fromEntries(out.variables.map((v) => [v.name, v]));
    assert.deepEqual(byName['SIP_DOMAIN'], { name: 'SIP_DOMAIN', value: 'other.local', source: `${file}:1` });
    assert.equal(byName['DBRWPW']?.value, '********');
    assert.doesNotMatch(r.stdout + r.stderr, /s3cret/);
    assert.match(r.stderr, /other\.rc:5: X not assigned/);
    assert.equal((await runKamctl(['show', 'x', '--config', join(home, 'missing.rc')], { HOME: home })).code, 2);
  });
});
