// bin/kamctl.cjs runs `add` and `passwd` on its start-up path (a bundle on a bare driver); oclif
// runs them otherwise. Both must give the same output, exit code and rows for the same input.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { runKamctl } from './support/run-kamctl.js';
import { createSqliteDatabase, execSql, queryRows } from './support/sqlite-database.js';

describe('kamctl add/passwd: the start-up path and oclif agree', () => {
  const dbs: ReturnType<typeof createSqliteDatabase>[] = [];
  before(() => {
    dbs.push(createSqliteDatabase(), createSqliteDatabase());
  });
  after(() => dbs.forEach((db) => db.dispose()));

  test('the same outputs, exit codes and rows, step by step', async () => {
    const envs = dbs.map((db) => ({
      DBENGINE: 'SQLITE',
      DB_PATH: db.path,
      SIP_DOMAIN: 'lab.local',
      ALIASES_TYPE: 'DB',
      HA1_SHA256_COLUMN: 'ha1_sha256',
      KAMCTL_RPC: 'unix:/nonexistent/kamailio_ctl',
    }));
    for (const db of dbs) {
      execSql(db.path, 'ALTER TABLE subscriber ADD COLUMN ha1_sha256 VARCHAR(64) DEFAULT \'\' NOT NULL');
      execSql(db.path, "INSERT INTO dbaliases (alias_username, alias_domain, username, domain) VALUES ('taken', 'lab.local', 'x', 'lab.local')");
    }
    const steps: { args: string[]; input?: string; env?: Record<string, string> }[] = [
      { args: ['add', "o'x", 'pa\\ss"wörd'] },
      { args: ['add', "o'x", 'again'] },
      { args: ['add', '--json', "o'x", 'again'] },
      { args: ['add', 'taken', 'pw'] },
      { args: ['add', 'carol@other.example', '--password-stdin', '--realm', 'realm.example'], input: 'from stdin\n' },
      { args: ['add', 'dave', '--json'], env: { KAMCTL_PASSWORD: 'from env' } },
      { args: ['add', 'eve'] },
      { args: ['add', 'bad user', 'pw'] },
      { args: ['add', 'frank@bad..domain', 'pw'] },
      { args: ['add', 'gina', 'pw', '--password-stdin'], input: 'x\n' },
      { args: ['passwd', "o'x", 'n3w'] },
      { args: ['passwd', '--json', 'nobody', 'n3w'] },
      { args: ['passwd', 'carol@other.example', '--json'], env: { KAMCTL_PASSWORD: 'changed', STORE_PLAINTEXT_PW: '0' } },
      { args: ['add', 'hank', 'pw'], env: { DBENGINE: 'PGSQL', DBHOST: '127.0.0.1', DBPORT: '1', DBRWPW: 'hunter2' } },
    ];
    for (const step of steps) {
      const [viaBin, viaOclif] = await Promise.all([
        runKamctl(step.args, { ...envs[0]!, ...step.env }, step.input, 'bin'),
        runKamctl(step.args, { ...envs[1]!, ...step.env }, step.input, 'oclif'),
      ]);
      const what = JSON.stringify(step.args);
      assert.equal(viaBin.code, viaOclif.code, `${what}: exit codes differ (${viaBin.stderr} / ${viaOclif.stderr})`);
      assert.equal(viaBin.stdout, viaOclif.stdout.replace(dbs[1]!.path, dbs[0]!.path), `${what}: stdout differs`);
      assert.equal(viaBin.stderr, viaOclif.stderr.replace(dbs[1]!.path, dbs[0]!.path), `${what}: stderr differs`);
      assert.doesNotMatch(viaBin.stderr + viaBin.stdout, /hunter2/);
    }
    const rows = (db: (typeof dbs)[number]) =>
      queryRows(db.path, 'SELECT username, domain, password, ha1, ha1b, ha1_sha256 FROM subscriber ORDER BY username, domain');
    assert.deepEqual(rows(dbs[0]!), rows(dbs[1]!));
    // Not vacuous: the rows the steps should have written are there.
    assert.deepEqual(
      rows(dbs[0]!).map((r) => `${r['username']}@${r['domain']}:${r['password']}`),
      ['carol@other.example:', 'dave@lab.local:from env', "o'x@lab.local:n3w"],
    );
  });
});
