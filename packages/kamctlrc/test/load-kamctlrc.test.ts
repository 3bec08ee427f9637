// Loading kamctlrc files: search order, precedence (env > later file > earlier file > default),
// sources, --config, masking of secrets.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

import { describeSource, isSecretVariable, KamctlrcError, kamctlrcSearchPath, loadKamctlrc } from '../src/index.js';

const root = mkdtempSync(join(tmpdir(), 'kamctlrc-test-'));
after(() => rmSync(root, { recursive: true, force: true }));

function dir(name: string): string {
  const d = join(root, name);
  mkdirSync(d, { recursive: true });
  return d;
}

describe('kamctlrc search path', () => {
  it('is: next to the resolved program, system files, ~/.kamctlrc; ./kamctlrc for kamctl with KAMCTL_TEST only', () => {
    const bin = dir('search/bin');
    const real = dir('search/real');
    writeFileSync(join(real, 'tool.js'), '');
    symlinkSync(join(real, 'tool.js'), join(bin, 'tool'));
    const common = { scriptPath: join(bin, 'tool'), home: '/home/u', cwd: '/work', systemFiles: ['/etc/k/kamctlrc'] };
    assert.deepEqual(kamctlrcSearchPath({ tool: 'kamdbctl', ...common, env: { KAMCTL_TEST: '1' } }), [
      join(real, 'kamctlrc'),
      '/etc/k/kamctlrc',
      '/home/u/.kamctlrc',
    ]);
    assert.deepEqual(kamctlrcSearchPath({ tool: 'kamctl', ...common, env: { KAMCTL_TEST: '1' } }).slice(-1), ['/work/kamctlrc']);
    assert.equal(kamctlrcSearchPath({ tool: 'kamctl', ...common, env: {} }).length, 3);
  });
});

describe('loadKamctlrc', () => {
  const prog = dir('load/prog');
  const etc = dir('load/etc');
  const home = dir('load/home');
  writeFileSync(join(prog, 'kamctlrc'), 'DBENGINE=MYSQL\nDBNAME=from_prog\nBASE=/srv\n');
  writeFileSync(join(etc, 'kamctlrc'), 'DBNAME=from_etc\nDB_PATH="$BASE/k.db"\nDBRWPW=etcsecret\n');
  writeFileSync(join(home, '.kamctlrc'), '# user rc\nDBHOST=db.example\nDBPORT=\nCHARSET=""\necho oops\n');
  const base = { tool: 'kamdbctl' as const, scriptPath: join(prog, 'x.js'), home, systemFiles: [join(etc, 'kamctlrc'), join(etc, 'missing')] };

  it('reads the files in order; later files override earlier ones and see their values', () => {
    const rc = loadKamctlrc({ ...base, env: {} });
    assert.deepEqual(rc.files, [join(prog, 'kamctlrc'), join(etc, 'kamctlrc'), join(home, '.kamctlrc')]);
    assert.equal(rc.searched.length, 4);
    assert.equal(rc.get('DBENGINE'), 'MYSQL');
    assert.equal(rc.get('DBNAME'), 'from_etc');
    assert.deepEqual(rc.sources['DBNAME'], { kind: 'file', file: join(etc, 'kamctlrc'), line: 1 });
    assert.equal(rc.get('DB_PATH'), '/srv/k.db');
    assert.equal(rc.get('DBHOST'), 'db.example');
    assert.equal(describeSource(rc.sources['DBHOST']), `${join(home, '.kamctlrc')}:2`);
    assert.deepEqual(
      rc.warnings.map((w) => `${w.file}:${w.line}`),
      [`${join(home, '.kamctlrc')}:5`],
    );
  });

  it('lets a non-empty environment value win over the files; empty ones do not', () => {
    const rc = loadKamctlrc({ ...base, env: { DBNAME: 'from_env', DBHOST: '', PATH: '/bin' } });
    assert.equal(rc.get('DBNAME'), 'from_env');
    assert.deepEqual(rc.sources['DBNAME'], { kind: 'env' });
    assert.equal(rc.get('DBHOST'), 'db.example');
    assert.equal(rc.get('PATH'), undefined, 'unrelated environment variables are not settings');
  });

  it('uses the environment for variables no file sets, and in expansions', () => {
    const rc = loadKamctlrc({ ...base, env: { DBROOTPW: 'rootpw', BASE: '/ignored' } });
    assert.equal(rc.get('DBROOTPW'), 'rootpw');
    assert.equal(rc.get('DB_PATH'), '/srv/k.db', 'the file assignment of BASE comes before the environment');
  });

  it('applies defaults to unset and empty variables', () => {
    const rc = loadKamctlrc({ ...base, env: {}, defaults: { DBPORT: '3306', CHARSET: 'utf8mb4', DBROUSER: 'kamailioro', DBNAME: 'kamailio' } });
    assert.equal(rc.get('DBPORT'), '3306');
    assert.deepEqual(rc.sources['DBPORT'], { kind: 'default' });
    assert.equal(rc.get('CHARSET'), 'utf8mb4');
    assert.equal(rc.get('DBROUSER'), 'kamailioro');
    assert.equal(rc.get('DBNAME'), 'from_etc');
    assert.equal(rc.get('DBINITASK'), undefined);
  });

  it('reads only the --config file when one is given, and refuses a missing one', () => {
    const own = join(dir('load/own'), 'my.rc');
    writeFileSync(own, 'DBENGINE=SQLITE\nDB_PATH=~/k.sqlite\n');
    const rc = loadKamctlrc({ ...base, env: {}, configFile: own });
    assert.deepEqual(rc.files, [own]);
    assert.equal(rc.get('DBNAME'), undefined);
    assert.equal(rc.get('DB_PATH'), join(home, 'k.sqlite'));
    assert.throws(() => loadKamctlrc({ ...base, env: {}, configFile: join(root, 'nope.rc') }), KamctlrcError);
  });

  it('masks secrets in describe() and lists where every value came from', () => {
    const rc = loadKamctlrc({ ...base, env: { DBROOTPW: 'hunter2' }, defaults: { DBROPW: 'kamailioro' } });
    const shown = new Map(rc.describe().map((v) => [v.name, v]));
    assert.equal(shown.get('DBRWPW')?.shown, '********');
    assert.equal(shown.get('DBROOTPW')?.shown, '********');
    assert.equal(shown.get('DBROPW')?.shown, '********');
    assert.equal(shown.get('DBNAME')?.shown, 'from_etc');
    assert.equal(shown.get('DBINITASK')?.source, undefined);
    assert.ok(!JSON.stringify(rc.describe()).includes('hunter2'));
    assert.ok(!JSON.stringify(rc.describe()).includes('etcsecret'));
    assert.equal(isSecretVariable('DBROOTPWSKIP'), false);
    assert.equal(isSecretVariable('DBRWPW'), true);
  });

  it('reads a file found twice (symlinked system locations) only once', () => {
    const twice = loadKamctlrc({ ...base, env: {}, systemFiles: [join(etc, 'kamctlrc'), join(etc, 'kamctlrc')] });
    assert.equal(twice.files.filter((f) => f === join(etc, 'kamctlrc')).length, 1);
  });
});
