// Running a config: module/modparam validation against the 5.6.3 catalogue, control settings from
// ctl/jsonrpcs/xmlrpc modparams, statistics of the loaded modules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadConfig } from '../src/config/index.js';
import { validateModules, modparamType } from '../src/modules/module-catalogue.js';
import { settingsFromConfig } from '../src/server/control-settings.js';
import { parseListenAddress, ListenAddressError } from '../src/control/binrpc/listen-address.js';
import { KamkitServer } from '../src/server/kamkit-server.js';
import { HARNESS_CONFIG, loadText } from './config-support.js';

const LAB_DEFINES = {
  LAB_CTL_UNIX: '"unix:/w/ctl"',
  LAB_CTL_TCP: '"tcp:127.0.0.1:2049"',
  LAB_CTL_UDP: '"udp:127.0.0.1:2050"',
  LAB_CTL_UNIXD: '"unixd:/w/ctl.dgram"',
  LAB_RPC_FIFO: '"/w/rpc.fifo"',
  LAB_RPC_DGRAM: '"/w/rpc.sock"',
  LAB_FIFO_REPLY_DIR: '"/w/tmp/"',
  LAB_HTTP_PORT: '5071',
};

test('the interop lab config passes the module catalogue and gives every control transport', async () => {
  const config = await loadConfig(HARNESS_CONFIG, { defines: LAB_DEFINES });
  assert.equal(validateModules(config), undefined);
  const settings = settingsFromConfig(config);
  assert.deepEqual(settings.ctl?.listen, [
    { kind: 'unix_stream', path: '/w/ctl' },
    { kind: 'tcp', host: '127.0.0.1', port: 2049 },
    { kind: 'udp', host: '127.0.0.1', port: 2050 },
    { kind: 'unix_dgram', path: '/w/ctl.dgram' },
  ]);
  assert.equal(settings.ctl?.access.mode, 0o600);
  assert.deepEqual(settings.jsonrpc?.fifo, { path: '/w/rpc.fifo', replyDir: '/w/tmp/', access: { mode: 0o660, user: undefined, group: undefined } });
  assert.deepEqual(settings.jsonrpc?.datagram?.address, { kind: 'unix', path: '/w/rpc.sock' });
  assert.deepEqual(settings.http, {
    listen: [
      { host: '127.0.0.1', port: 5060 },
      { host: '127.0.0.1', port: 5071 },
    ],
    jsonPath: '/RPC',
    xmlPath: '/RPC2',
    maxBody: 65535,
  });
  assert.equal(settings.tcpChildren, 2);
});

test('statistics of the loaded modules: the groups Kamailio 5.6.3 shows for the lab config', async () => {
  const config = await loadConfig(HARNESS_CONFIG, { defines: LAB_DEFINES });
  const server = new KamkitServer({ settings: { runDir: '/w', tcpChildren: 0 }, config });
  // Kamailio also has a "tcp" group when it listens on TCP for SIP; our SIP side is not there yet.
  assert.deepEqual(server.counters.groupNames(), ['core', 'dns', 'mysql', 'registrar', 'script', 'shmem', 'sl', 'tmx', 'usrloc']);
  assert.deepEqual(
    server.counters.counters('script').map((c) => [c.name, c.description]),
    [
      ['lab_auth_challenges', 'kamailio statistic (no description)'],
      ['lab_register_ok', 'successful REGISTER saves'],
      ['lab_registrations', 'kamailio statistic (no description)'],
      ['lab_requests', 'requests seen by request_route'],
    ],
  );
  assert.equal(server.counters.get('registrar', 'max_contacts')!.value, 10);
  assert.equal(server.counters.get('registrar', 'max_expires')!.value, 3600);
  // `kamcmd cnt.var_list core` of the real Kamailio 5.6.3.
  const real = readFileSync(new URL('../../test/fixtures/captured/cnt.var_list_core.kamcmd.txt', import.meta.url), 'utf8').trim().split('\n');
  assert.deepEqual(server.counters.counters('core').map((c) => c.name), real);
  await server.stop();
});

test('an unknown module is an error at its loadmodule line', () => {
  const config = loadText('loadmodule "sl.so"\nloadmodule "nosuchmod.so"\n');
  const error = validateModules(config);
  assert.equal(error?.line, 2);
  assert.match(error!.message, /^\/cfg\/main\.cfg:2:\d+: failed to load module: could not find module <nosuchmod>/);
});

test('an unknown or mistyped modparam is an error at its line, with Kamailio\'s wording', () => {
  const unknown = validateModules(loadText('loadmodule "sl.so"\n\nmodparam("sl", "nosuch", 1)\n'));
  assert.equal(unknown?.line, 3);
  assert.match(unknown!.message, /parameter <nosuch> of type <2:int> not found in module <sl>/);
  const mistyped = validateModules(loadText('loadmodule "ctl.so"\nmodparam("ctl", "binrpc", 5)\n'));
  assert.match(mistyped!.message, /parameter <binrpc> of type <2:int> not found in module <ctl>, expected a value of type str/);
  assert.equal(validateModules(loadText('loadmodule "tm.so"\nloadmodule "sl.so"\nmodparam("tm|sl", "default_code", 500)\n')), undefined);
  assert.match(validateModules(loadText('loadmodule "tm.so"\nloadmodule "rr.so"\nmodparam("tm|rr", "fr_timer", 5)\n'))!.message, /not found in module <rr>/);
});

test('the catalogue knows the parameters of the 5.6.3 modules the server names', () => {
  assert.equal(modparamType('ctl', 'binrpc'), 'str');
  assert.equal(modparamType('ctl', 'mode'), 'int');
  assert.equal(modparamType('jsonrpcs', 'fifo_reply_dir'), 'str');
  assert.equal(modparamType('usrloc', 'db_mode'), 'int');
  assert.equal(modparamType('dispatcher', 'ds_ping_interval'), 'int');
  assert.equal(modparamType('db_sqlite', 'db_set_readonly'), 'str');
  assert.equal(modparamType('sl', 'no_such'), undefined);
});

test('ctl defaults: one unix socket in the runtime directory; jsonrpcs defaults FIFO + datagram there', () => {
  const settings = settingsFromConfig(loadText('runtime_dir="/r"\nloadmodule "ctl.so"\nloadmodule "jsonrpcs.so"\n'));
  assert.deepEqual(settings.ctl?.listen, [{ kind: 'unix_stream', path: '/r/kamailio_ctl' }]);
  assert.equal(settings.jsonrpc?.fifo?.path, '/r/kamailio_rpc.fifo');
  assert.equal(settings.jsonrpc?.fifo?.replyDir, '/tmp/');
  assert.deepEqual(settings.jsonrpc?.datagram?.address, { kind: 'unix', path: '/r/kamailio_rpc.sock' });
  assert.equal(settings.http, undefined);
});

test('listen addresses: ctl\'s spellings', () => {
  assert.deepEqual(parseListenAddress('unixs:/a/b'), { kind: 'unix_stream', path: '/a/b' });
  assert.deepEqual(parseListenAddress('/a/b'), { kind: 'unix_stream', path: '/a/b' });
  assert.deepEqual(parseListenAddress('unixd:/a/d'), { kind: 'unix_dgram', path: '/a/d' });
  assert.deepEqual(parseListenAddress('tcp:3012'), { kind: 'tcp', host: '0.0.0.0', port: 3012 });
  assert.deepEqual(parseListenAddress('tcp:*:3012'), { kind: 'tcp', host: '0.0.0.0', port: 3012 });
  assert.deepEqual(parseListenAddress('udp:[::1]:2050'), { kind: 'udp', host: '::1', port: 2050 });
  assert.deepEqual(parseListenAddress('localhost:2050'), { kind: 'udp', host: 'localhost', port: 2050 });
  assert.deepEqual(parseListenAddress('tcp:127.0.0.1'), { kind: 'tcp', host: '127.0.0.1', port: 2049 });
  assert.throws(() => parseListenAddress('tcp:1.2.3.4:99999'), ListenAddressError);
  assert.throws(() => parseListenAddress('unix:'), ListenAddressError);
});
