// kamctl cfg set: Kamailio's own variables are checked against @kamkit/cfg-catalog (type, range,
// description) before anything is sent; other groups are described by the server. Against our
// companion server running a config with cfg_rpc, maxfwd, debugger and a script group.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { createClient, type RpcClient } from '@kamkit/rpc';

import { UsageError } from '../src/cli/exit-codes.js';
import { catalogueCfgVariable, cfgValue } from '../src/rpc/cfg-variable.js';
import { startCompanionServer, type CompanionServer } from './support/companion-server.js';
import { runKamctl } from './support/run-kamctl.js';

const SCRIPT = `
loadmodule "ctl.so"
loadmodule "cfg_rpc.so"
loadmodule "maxfwd.so"
loadmodule "debugger.so"
lab.threshold = 10 desc "requests per second before the lab says busy"
request_route { drop; }
`;

describe('cfg values checked against the catalogue', () => {
  test('ranges: both ends taken, one past either end refused with type, range and description', () => {
    const maxLimit = catalogueCfgVariable('maxfwd', 'max_limit')!;
    assert.deepEqual([cfgValue(maxLimit, '0'), cfgValue(maxLimit, '255')], [0, 255]);
    for (const bad of ['-1', '256']) {
      assert.throws(() => cfgValue(maxLimit, bad), (e: Error) => e instanceof UsageError && /^maxfwd\.max_limit \(integer, 0\.\.255: highest Max-Forwards value let through\): "-?\d+" is out of range; nothing was sent$/.test(e.message));
    }
    const defaultQ = catalogueCfgVariable('registrar[2]', 'default_q')!;
    assert.equal(cfgValue(defaultQ, '-1'), -1);
    assert.throws(() => cfgValue(defaultQ, '1001'), /registrar\[2\]\.default_q \(integer, -1\.\.1000: /);
  });

  test('variables without a range take any 32-bit integer and nothing else', () => {
    const debug = catalogueCfgVariable('core', 'debug')!;
    assert.equal(debug.range, undefined);
    assert.equal(cfgValue(debug, '9'), 9);
    assert.equal(cfgValue(debug, '-2147483648'), -2147483648);
    assert.throws(() => cfgValue(debug, '2147483648'), /core\.debug \(integer, -2147483648\.\.2147483647: debug level\): "2147483648" is not an integer of that range/);
    assert.throws(() => cfgValue(debug, '1.5'), UsageError);
    assert.throws(() => cfgValue(debug, ''), UsageError);
  });

  test('read-only variables, syslog facility names, strings; unknown variables are left to the server', () => {
    assert.throws(() => cfgValue(catalogueCfgVariable('dbg', 'mod_hash_size')!, '4'), /dbg\.mod_hash_size .*"4" cannot be set: the variable is read-only/);
    const facility = catalogueCfgVariable('core', 'log_facility')!;
    assert.equal(facility.type, 'string');
    assert.equal(cfgValue(facility, 'LOG_LOCAL3'), 'LOG_LOCAL3');
    assert.throws(() => cfgValue(facility, 'LOG_NOPE'), /core\.log_facility \(string, a syslog facility name: .*\): "LOG_NOPE" is not a syslog facility/);
    assert.equal(cfgValue(catalogueCfgVariable('tm', 'default_reason')!, "it's 'quoted' \\ ü"), "it's 'quoted' \\ ü");
    assert.equal(catalogueCfgVariable('lab', 'threshold'), undefined);
    assert.equal(catalogueCfgVariable('core', 'nosuch'), undefined);
  });
});

describe('kamctl cfg set against our companion server', () => {
  let companion: CompanionServer;
  let client: RpcClient;
  let env: Record<string, string>;
  before(async () => {
    companion = await startCompanionServer(SCRIPT);
    client = createClient(companion.target);
    env = { KAMCTL_RPC: companion.target };
  });
  after(async () => {
    await client.close();
    await companion.stop();
  });
  const serverValue = async (group: string, name: string) => (await client.call('cfg.get', group, name)).result;

  test('an out-of-range value is refused before sending (exit 2), with type, range and description', async () => {
    const r = await runKamctl(['cfg', 'set', 'maxfwd', 'max_limit', '256'], env);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'kamctl: maxfwd.max_limit (integer, 0..255: highest Max-Forwards value let through): "256" is out of range; nothing was sent\n');
    assert.equal(await serverValue('maxfwd', 'max_limit'), 70);
    const json = await runKamctl(['cfg', 'set', 'maxfwd', 'max_limit', '-1', '--json'], env);
    assert.equal(json.code, 2);
    assert.deepEqual(JSON.parse(json.stdout), {
      error: { type: 'UsageError', message: 'maxfwd.max_limit (integer, 0..255: highest Max-Forwards value let through): "-1" is out of range; nothing was sent' },
    });
    // Refused locally: the same answer with no server at all (not 3, server unreachable).
    const offline = await runKamctl(['cfg', 'set', 'maxfwd', 'max_limit', '256'], { KAMCTL_RPC: 'unix:/nonexistent/kamailio_ctl' });
    assert.equal(offline.code, 2, offline.stderr);
  });

  test('a value in range is set and reads back; --json gives type and range', async () => {
    const r = await runKamctl(['cfg', 'set', 'maxfwd', 'max_limit', '255', '--json'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { group: 'maxfwd', name: 'max_limit', type: 'integer', range: { min: 0, max: 255 }, value: 255 });
    assert.equal(await serverValue('maxfwd', 'max_limit'), 255);
    const got = await runKamctl(['cfg', 'get', 'maxfwd', 'max_limit'], env);
    assert.equal(got.stdout, '255\n');
  });

  test('syslog facility names: a wrong one refused locally, a right one accepted by the server', async () => {
    const wrong = await runKamctl(['cfg', 'set', 'core', 'log_facility', 'LOG_NOPE'], env);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /"LOG_NOPE" is not a syslog facility/);
    const right = await runKamctl(['cfg', 'set', 'core', 'log_facility', 'LOG_LOCAL0'], env);
    assert.equal(right.code, 0, right.stderr);
  });

  test('a read-only variable is refused locally; a value the server refuses is exit 1 with type, range and description', async () => {
    const readonly = await runKamctl(['cfg', 'set', 'dbg', 'mod_hash_size', '4'], env);
    assert.equal(readonly.code, 2);
    assert.match(readonly.stderr, /read-only/);
    // In range, but debugger's fix-up refuses it while mod_hash_size was not set at start-up.
    const refused = await runKamctl(['cfg', 'set', 'dbg', 'mod_level_mode', '1'], env);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^kamctl: dbg\.mod_level_mode \(integer, 0\.\.1: per-module log levels on\) refused "1": 400 - Failed to set the variable/);
  });

  test('script groups and unknown variables go to the server (cfg.list, cfg.help)', async () => {
    const set = await runKamctl(['cfg', 'set', 'lab', 'threshold', '12'], env);
    assert.equal(set.code, 0, set.stderr);
    assert.equal(await serverValue('lab', 'threshold'), 12);
    const unknown = await runKamctl(['cfg', 'set', 'lab', 'nosuch', '1'], env);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, 'kamctl: cfg group lab has no variable nosuch (it has: threshold)\n');
    const tooBig = await runKamctl(['cfg', 'set', 'lab', 'threshold', '3000000000'], env);
    assert.equal(tooBig.code, 2);
    assert.match(tooBig.stderr, /lab\.threshold \(integer, -2147483648\.\.2147483647; the server may enforce a narrower range: requests per second before the lab says busy\): "3000000000"/);
  });

  test('a catalogue group this server does not have (module not loaded) is named as such', async () => {
    const r = await runKamctl(['cfg', 'set', 'dispatcher', 'probing_threshold', '2'], env);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'kamctl: no cfg group "dispatcher" on the server\n');
  });
});
