import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkConfig, type HostFacts } from '../src/config/index.js';
import { HARNESS_CONFIG } from './config-support.js';

// Expected outputs below were printed by `/usr/sbin/kamailio -c -f FILE` (Debian kamailio 5.6.3) on a
// machine with interfaces lo 127.0.0.1 and eth0 192.0.2.2, where 127.0.0.1 reverse-resolves to localhost.
const MACHINE: HostFacts = {
  interfaceAddresses: ['127.0.0.1', '192.0.2.2'],
  resolveHost: (name) => (name === 'localhost' ? '127.0.0.1' : undefined),
  reverseLookup: (address) => (address === '127.0.0.1' ? 'localhost' : undefined),
};

const dir = mkdtempSync(join(tmpdir(), 'kamkit-config-check-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

function file(name: string, globals: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!KAMAILIO\n${globals}\nrequest_route {\n\texit;\n}\n`);
  return path;
}

const CASES: [string, string, string][] = [
  ['one udp listen, auto aliases', 'listen=udp:127.0.0.1:5099', 'Listening on \n             udp: 127.0.0.1:5099\nAliases: \n             udp: localhost:5099\n\n'],
  ['auto_aliases=no names the address', 'listen=udp:127.0.0.1:5099\nauto_aliases=no', 'Listening on \n             udp: 127.0.0.1 [127.0.0.1]:5099\nAliases: \n\n'],
  [
    'no protocol: udp and tcp; aliases listed last-first',
    'listen=127.0.0.1\nauto_aliases=no\nalias=foo.com\nalias=udp:bar.com:5070',
    'Listening on \n             udp: 127.0.0.1 [127.0.0.1]:5060\n             tcp: 127.0.0.1 [127.0.0.1]:5060\nAliases: \n             udp: bar.com:5070\n             *: foo.com:*\n\n',
  ],
  ['a host name', 'listen=udp:localhost:5099\nauto_aliases=no', 'Listening on \n             udp: localhost [127.0.0.1]:5099\nAliases: \n\n'],
  ['advertise', 'listen=udp:127.0.0.1:5099 advertise 1.2.3.4:5000\nauto_aliases=no', 'Listening on \n             udp: 127.0.0.1 [127.0.0.1]:5099 advertise 1.2.3.4:5000\nAliases: \n\n'],
  [
    'automatic aliases come before the script ones',
    'listen=udp:127.0.0.1:5099\nalias=udp:127.0.0.1:5099\nalias=tcp:z.com',
    'Listening on \n             udp: 127.0.0.1:5099\nAliases: \n             udp: localhost:5099\n             tcp: z.com:*\n             udp: 127.0.0.1:5099\n\n',
  ],
  [
    'two protocols, automatic aliases last-first',
    'listen=udp:127.0.0.1:5099\nlisten=tcp:127.0.0.1:5099',
    'Listening on \n             udp: 127.0.0.1:5099\n             tcp: 127.0.0.1:5099\nAliases: \n             tcp: localhost:5099\n             udp: localhost:5099\n\n',
  ],
  ['disable_tcp', 'listen=udp:127.0.0.1:5099\ndisable_tcp=yes\nalias="x.org"', 'Listening on \n             udp: 127.0.0.1:5099\nAliases: \n             udp: localhost:5099\n             *: x.org:*\n\n'],
];

CASES.forEach(([name, globals, stdout], index) => {
  test(`checkConfig success report: ${name}`, async () => {
    const result = await checkConfig(file(`ok${index}.cfg`, globals), { host: MACHINE });
    assert.equal(result.ok, true);
    assert.equal(result.exitCode, 0);
    assert.equal(result.stdout, stdout);
    assert.equal(result.stderr, 'config file ok, exiting...\n');
    assert.deepEqual(result.messages.map((m) => m.stream), ['stdout', 'stderr']);
  });
});

// Kamailio's default config (installed by Debian, not kept here) is checked against the real
// `kamailio -c` in test/interop/server-default-config.test.ts.
test('checkConfig: the interop harness config', async () => {
  const result = await checkConfig(HARNESS_CONFIG, { host: MACHINE });
  assert.equal(result.exitCode, 0);
  assert.equal(
    result.stdout,
    'Listening on \n             udp: 127.0.0.1 [127.0.0.1]:5060\n             tcp: 127.0.0.1 [127.0.0.1]:5060\n             tcp: 127.0.0.1 [127.0.0.1]:5071\nAliases: \n             *: lab.local:*\n\n',
  );
  assert.equal(result.config?.modules.length, 29);
});

test('checkConfig failure: Kamailio-style CRITICAL line with file, line, column and the reason; exit 255', async () => {
  const path = join(dir, 'bad.cfg');
  writeFileSync(path, '#!KAMAILIO\nlisten=udp:127.0.0.1:5099\nrequest_route {\n\texit\n}\n');
  const result = await checkConfig(path, { host: MACHINE, pid: 4242 });
  assert.equal(result.ok, false);
  assert.equal(result.exitCode, 255);
  assert.equal(result.stdout, '');
  assert.equal(
    result.stderr,
    ` 0(4242) CRITICAL: <core> parse error in config file ${path}, line 5, column 1: unexpected '}', expected ';' after exit\n` +
      'ERROR: bad config file (1 errors) (parsing code: 1)\n',
  );
  assert.equal(result.error?.line, 5);
});

test('checkConfig: -A defines decide, as on the kamailio command line', async () => {
  const path = join(dir, 'defines.cfg');
  writeFileSync(path, '#!KAMAILIO\n#!ifdef WITH_BROKEN\nthis is not config\n#!endif\nlisten=udp:127.0.0.1:PORT\nrequest_route {\n\texit;\n}\n');
  const good = await checkConfig(path, { host: MACHINE, defines: { PORT: '5077' } });
  assert.match(good.stdout, /udp: 127\.0\.0\.1:5077/);
  const bad = await checkConfig(path, { host: MACHINE, defines: { PORT: '5077', WITH_BROKEN: true } });
  assert.equal(bad.exitCode, 255);
  assert.match(bad.stderr, /line 3, column 6: unexpected 'is', expected '=' after this/);
});

test('checkConfig: a missing file', async () => {
  const result = await checkConfig(join(dir, 'nosuch.cfg'), { host: MACHINE });
  assert.equal(result.exitCode, 255);
  assert.match(result.stderr, /nosuch\.cfg, line 1, column 1: cannot open config file, expected a readable file/);
});
