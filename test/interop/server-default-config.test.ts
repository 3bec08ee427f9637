// Our config loader and `-c` checker on Kamailio's own default config: /etc/kamailio/kamailio.cfg as
// the Debian kamailio package (5.6.3) installs it. No copy of that file is kept in this repository,
// so these tests read the installed one and compare what we say about it with what the real
// `kamailio -c` says. (Tests on our own small configs stay unit tests in packages/server/test/.)
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { checkConfig, flattenStatements, loadConfig, localHostFacts, type HostFacts, type LoadedConfig } from '@kamkit/server';
import { run, which, type RunResult } from '../harness/index.mjs';

const DEFAULT_CFG = '/etc/kamailio/kamailio.cfg';
const SERVER_BIN = fileURLToPath(new URL('../../../packages/server/dist/src/bin/kamkit-server.js', import.meta.url));
const ALL_FEATURES = ['MYSQL', 'AUTH', 'IPAUTH', 'DEBUG', 'PSTN', 'VOICEMAIL', 'NAT', 'PRESENCE', 'ANTIFLOOD', 'ACCDB', 'ALIASDB', 'SPEEDDIAL', 'MULTIDOMAIN', 'USRLOCDB', 'TLS', 'JSONRPC', 'BLOCK3XX', 'BLOCK401407'];
const AUTH_SET = ['MYSQL', 'AUTH', 'IPAUTH', 'DEBUG'];

/**
 * The installed default config, or a failure saying what is wrong: missing (the Debian package
 * `kamailio` is not installed) or changed locally (it is a dpkg conffile; the assertions below are
 * on the file as shipped).
 */
async function installedDefaultConfig(): Promise<string> {
  if (!existsSync(DEFAULT_CFG)) {
    throw new Error(
      `${DEFAULT_CFG} is missing: these tests read Kamailio's default config from the installed Debian package ` +
        '(apt-get install kamailio; the CI installs it). It is not kept in this repository.',
    );
  }
  const r = await run('dpkg-query', ['-W', '-f=${Conffiles}', 'kamailio']).catch(() => null);
  const shipped = r?.code === 0 ? new RegExp(`^\\s*${DEFAULT_CFG.replace(/\./g, '\\.')} ([0-9a-f]{32})`, 'm').exec(r.stdout)?.[1] : undefined;
  const actual = createHash('md5').update(readFileSync(DEFAULT_CFG)).digest('hex');
  if (shipped !== undefined && shipped !== actual) {
    throw new Error(`${DEFAULT_CFG} was changed locally (md5 ${actual}, the kamailio package shipped ${shipped}): these tests need the file as Debian installs it`);
  }
  return DEFAULT_CFG;
}

const defines = (features: readonly string[]): Record<string, true> => Object.fromEntries(features.map((f) => [`WITH_${f}`, true]));
const dashA = (features: readonly string[]): string[] => features.flatMap((f) => ['-A', `WITH_${f}`]);


const countStatements = (config: LoadedConfig): number => config.routes.reduce((sum, route) => sum + flattenStatements(route.body.statements).length, 0);

// Output printed by `/usr/sbin/kamailio -c -f /etc/kamailio/kamailio.cfg` (Debian kamailio 5.6.3) on a
// machine with interfaces lo 127.0.0.1 and eth0 192.0.2.2, where 127.0.0.1 reverse-resolves to localhost.
const RECORDED_MACHINE: HostFacts = {
  interfaceAddresses: ['127.0.0.1', '192.0.2.2'],
  resolveHost: (name) => (name === 'localhost' ? '127.0.0.1' : undefined),
  reverseLookup: (address) => (address === '127.0.0.1' ? 'localhost' : undefined),
};
const RECORDED_STDOUT =
  'Listening on \n             udp: 127.0.0.1:5060\n             udp: 192.0.2.2:5060\n             tcp: 127.0.0.1:5060\n             tcp: 192.0.2.2:5060\nAliases: \n             tcp: localhost:5060\n             udp: localhost:5060\n\n';

let cfg: string;
let kamailio: string;
let machine: HostFacts;

/** The real `kamailio -c -f` on the default config with these `WITH_*` defines. */
function realCheck(features: readonly string[]): Promise<RunResult> {
  return run(kamailio, ['-c', '-f', cfg, ...dashA(features)], { timeoutMs: 30_000 });
}

/** `line N` of every CRITICAL parse error in a `kamailio -c` stderr. */
const criticalLines = (stderr: string): number[] => [...stderr.matchAll(/CRITICAL: .*parse error in config file \S+, line (\d+)/g)].map((m) => Number(m[1]));

describe('the Debian default config (/etc/kamailio/kamailio.cfg)', () => {
  before(async () => {
    cfg = await installedDefaultConfig();
    const bin = which('kamailio');
    if (!bin) throw new Error('kamailio is not in PATH (nor in the sbin directories): apt-get install kamailio');
    kamailio = bin;
    machine = await localHostFacts();
  });

  test('parses bare and with WITH_MYSQL, WITH_AUTH, WITH_IPAUTH, WITH_DEBUG', async () => {
    const bare = await loadConfig(cfg);
    assert.equal(bare.globals.find((g) => g.name === 'debug')?.value, 2);
    assert.equal(bare.modules.some((m) => m.name === 'auth'), false);

    const config = await loadConfig(cfg, { defines: defines(AUTH_SET) });
    assert.equal(config.globals.find((g) => g.name === 'debug')?.value, 3);
    assert.deepEqual(
      ['db_mysql', 'auth', 'auth_db', 'permissions', 'debugger'].map((name) => config.modules.some((m) => m.name === name)),
      [true, true, true, true, true],
    );
    assert.equal(config.modparams.find((p) => p.module === 'auth_db' && p.param === 'db_url')?.value, 'mysql://kamailio:kamailiorw@localhost/kamailio');
    assert.deepEqual(config.routes.map((r) => `${r.kind}:${r.name}`).slice(-4), ['branch:MANAGE_BRANCH', 'reply:DEFAULT_ONREPLY', 'onreply:MANAGE_REPLY', 'failure:MANAGE_FAILURE']);
    const auth = config.routes.find((r) => r.name === 'AUTH')!;
    assert.equal(auth.body.statements.length, 4);
    assert.ok(countStatements(config) > countStatements(bare));
  });

  test('parses with every feature define (PSTN and voicemail cfg groups included)', async () => {
    const config = await loadConfig(cfg, { defines: defines(ALL_FEATURES) });
    assert.deepEqual(config.cfgVars.map((v) => `${v.group}.${v.name}=${JSON.stringify(v.value)}`), ['pstn.gw_ip=""', 'pstn.gw_port=""', 'voicemail.srv_ip=""', 'voicemail.srv_port="5060"']);
    assert.ok(config.routes.some((r) => r.name === 'xhttp:request'));
    // Adjacent double-quoted strings across lines are one value.
    assert.equal(config.modparams.find((p) => p.param === 'db_extra')?.value, 'src_user=$fU;src_domain=$fd;src_ip=$si;dst_ouser=$tU;dst_user=$rU;dst_domain=$rd');
  });

  test('checkConfig without listen binds every interface: the report kamailio -c printed on the recorded machine', async () => {
    const result = await checkConfig(cfg, { host: RECORDED_MACHINE });
    assert.equal(result.exitCode, 0);
    assert.equal(result.stdout, RECORDED_STDOUT);
  });

  for (const features of [[], AUTH_SET]) {
    const label = features.length ? features.map((f) => `WITH_${f}`).join(' ') : 'no defines';
    test(`checkConfig = the real kamailio -c on this machine (${label}): exit 0, same stdout`, async () => {
      const real = await realCheck(features);
      assert.equal(real.code, 0, `real kamailio -c failed:\n${real.stderr}`);
      assert.match(real.stderr, /config file ok, exiting\.\.\.\n$/);
      const ours = await checkConfig(cfg, { host: machine, defines: defines(features) });
      assert.equal(ours.exitCode, 0, ours.stderr);
      assert.equal(ours.stdout, real.stdout);
      assert.equal(ours.stderr, 'config file ok, exiting...\n');
    });
  }

  test('WITH_AUTH without WITH_MYSQL has no DBURL: the real kamailio -c and checkConfig both fail at line 414', async () => {
    const real = await realCheck(['AUTH']);
    assert.equal(real.code, 255);
    assert.equal(real.stdout, '');
    assert.equal(criticalLines(real.stderr)[0], 414, real.stderr);
    const ours = await checkConfig(cfg, { host: machine, defines: defines(['AUTH']) });
    assert.equal(ours.exitCode, 255);
    assert.equal(ours.stdout, '');
    assert.deepEqual(criticalLines(ours.stderr), [414]);
    assert.equal(ours.error?.line, 414);
  });

  test('kamkit-server -c -f: exit code, Listening on section and closing line as the real kamailio -c', async () => {
    for (const features of [[], AUTH_SET]) {
      const real = await realCheck(features);
      const ours = await run(process.execPath, [SERVER_BIN, '-c', '-f', cfg, ...dashA(features)], { timeoutMs: 30_000 });
      const listening = (stdout: string) => stdout.split('Aliases: \n')[0];
      assert.equal(ours.code, real.code, ours.stderr);
      assert.equal(listening(ours.stdout), listening(real.stdout));
      assert.match(ours.stderr, /config file ok, exiting\.\.\.\n$/);
    }
  });

  test('kamkit-server -c -f prints exactly what the real kamailio -c prints (Aliases included)', async () => {
    const real = await realCheck([]);
    const ours = await run(process.execPath, [SERVER_BIN, '-c', '-f', cfg], { timeoutMs: 30_000 });
    assert.match(real.stdout, /Aliases: \n +\w+: localhost:5060\n/, 'this machine names 127.0.0.1 localhost, so the test compares aliases');
    assert.equal(ours.stdout, real.stdout);
  });
});
