import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { reloadCache } from '../src/rpc/reload-cache.js';
import { createClient } from '@kamkit/rpc';
import { startFakeJsonRpc, type Handler } from './support/fake-jsonrpc-server.js';
import { runKamctl } from './support/run-kamctl.js';
import { createSqliteDatabase } from './support/sqlite-database.js';

describe('kamctl runtime commands against an in-test JSON-RPC peer', () => {
  let peer: Awaited<ReturnType<typeof startFakeJsonRpc>>;
  let env: Record<string, string>;
  let db: ReturnType<typeof createSqliteDatabase>;
  let dispatcherReloads = 0;
  const handlers: Record<string, Handler> = {
    'core.uptime': () => ({ result: { now: 'Sun Nov 22 06:59:01 2026', up_since: 'Sun Nov 22 06:58:56 2026', uptime: 5 } }),
    'core.psx': () => ({ result: [{ IDX: 0, PID: 100, DSC: 'main process - attendant' }] }),
    'stats.get_statistics': ([sel]) => ({ result: sel === 'usrloc:' ? ['usrloc:location_users = 1', 'usrloc:registered_users = 1'] : [] }),
    'ul.add': () => ({ result: {} }),
    'ul.lookup': () => ({ error: { code: 500, message: 'AOR not found in location table' } }),
    'cfg.list': ([group]) => ({ result: group === 'core' ? ['core: debug', 'core: log_facility'] : [] }),
    'cfg.help': ([, name]) => ({ result: name === 'debug' ? '(parameter type is integer)' : '(parameter type is string)' }),
    'cfg.set_now_int': ([, , value]) => (Number(value) > 10 ? { error: { code: 400, message: 'Failed to set the variable' } } : { result: {} }),
    'cfg.set_now_string': () => ({ result: {} }),
    // Like the dispatcher module within reload_delta: the first reload after a change is refused.
    'dispatcher.reload': () => (dispatcherReloads++ === 0 ? { error: { code: 500, message: 'Ongoing reload' } } : { result: 'Ok. Dispatcher successfully reloaded.' }),
    'core.echo': (params) => ({ result: params.map(String) }),
  };
  before(async () => {
    peer = await startFakeJsonRpc(handlers);
    db = createSqliteDatabase();
    env = { DBENGINE: 'SQLITE', DB_PATH: db.path, SIP_DOMAIN: 'lab.local', KAMCTL_RPC: peer.url };
  });
  after(async () => {
    await peer.close();
    db.dispose();
  });
  const lastCall = (method: string) => [...peer.calls].reverse().find((c) => c.method === method);

  test('uptime, ps and stats GROUP map to core.uptime, core.psx and stats.get_statistics "GROUP:"', async () => {
    const up = await runKamctl(['uptime', '--json'], env);
    assert.equal(up.code, 0, up.stderr);
    assert.equal((JSON.parse(up.stdout) as { uptime: number }).uptime, 5);
    assert.match((await runKamctl(['ps'], env)).stdout, /main process - attendant/);
    const stats = await runKamctl(['stats', 'usrloc', '--json'], env);
    assert.deepEqual(JSON.parse(stats.stdout), { 'usrloc:location_users': 1, 'usrloc:registered_users': 1 });
    assert.deepEqual(lastCall('stats.get_statistics')?.params, ['usrloc:']);
  });

  test('ul add sends kamctl\'s ul.add parameters with q as a double; an RPC fault exits 1', async () => {
    const r = await runKamctl(['ul', 'add', 'carol', 'sip:carol@127.0.0.1:5099', '120'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(lastCall('ul.add')?.params, ['location', 'carol@lab.local', 'sip:carol@127.0.0.1:5099', 120, 1, '.', 0, 0, -1]);
    const missing = await runKamctl(['ul', 'show', 'nosuchuser', '--json'], env);
    assert.equal(missing.code, 1);
    assert.deepEqual(JSON.parse(missing.stdout), { error: { type: 'RpcFault', code: 500, message: 'ul.lookup: 500 - AOR not found in location table', target: peer.url } });
  });

  test('cfg set: unknown variables and values of the wrong type are refused before sending; server refusals name type and range', async () => {
    const unknown = await runKamctl(['cfg', 'set', 'core', 'nosuch', '1'], env);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /cfg group core has no variable nosuch \(it has: debug, log_facility\)/);
    const wrongType = await runKamctl(['cfg', 'set', 'core', 'debug', 'loud'], env);
    assert.equal(wrongType.code, 2);
    assert.match(wrongType.stderr, /core\.debug \(integer, -2147483648\.\.2147483647: debug level\): "loud" is not an integer/);
    assert.equal(peer.calls.filter((c) => c.method === 'cfg.set_now_int').length, 0, 'nothing sent');
    const refused = await runKamctl(['cfg', 'set', 'core', 'debug', '99'], env);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /core\.debug \(integer, -2147483648\.\.2147483647: debug level\) refused "99": 400 - Failed to set the variable/);
    assert.equal((await runKamctl(['cfg', 'set', 'core', 'debug', '3'], env)).code, 0);
    assert.deepEqual(lastCall('cfg.set_now_int')?.params, ['core', 'debug', 3]);
    assert.equal((await runKamctl(['cfg', 'set', 'core', 'log_facility', 'LOG_LOCAL1'], env)).code, 0);
  });

  test('dispatcher add reloads automatically, waiting out "Ongoing reload"', async () => {
    const r = await runKamctl(['dispatcher', 'add', '2', 'sip:127.0.0.1:5097', '0', '1', 'weight=10', 'added', '--json'], env);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { reload: { status: string; waitedMs: number } };
    assert.equal(out.reload.status, 'reloaded');
    assert.ok(out.reload.waitedMs >= 500, 'retried after the throttle refusal');
    assert.equal(peer.calls.filter((c) => c.method === 'dispatcher.reload').length, 2);
    const reload = await runKamctl(['dispatcher', 'reload', '--json'], env);
    assert.equal(reload.code, 0, reload.stderr);
    assert.equal(JSON.parse(reload.stdout), 'Ok. Dispatcher successfully reloaded.');
  });

  test('a reload method the server lacks is reported, not fatal; other refusals exit 1', async () => {
    const r = await runKamctl(['domain', 'add', 'new.local'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /no domain\.reload \(module not loaded\)/);
    const reload = await runKamctl(['trusted', 'reload'], env);
    assert.equal(reload.code, 1);
  });

  test('rpc METHOD ARGS types parameters as kamcmd does', async () => {
    const r = await runKamctl(['rpc', 'core.echo', 'hello', 's:42', '42', '--json'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(lastCall('core.echo')?.params, ['hello', '42', 42]);
  });

  test('a silent or absent server: exit 3 within the timeout, never a hang', async () => {
    const started = Date.now();
    const absent = await runKamctl(['uptime'], { ...env, KAMCTL_RPC: 'unix:/nonexistent/ctl' });
    assert.equal(absent.code, 3);
    assert.match(absent.stderr, /TransportError/);
    const { createServer } = await import('node:net');
    const silent = createServer(() => {}).listen(0, '127.0.0.1');
    await new Promise((resolve) => silent.once('listening', resolve));
    const port = (silent.address() as { port: number }).port;
    const hung = await runKamctl(['uptime'], { ...env, KAMCTL_RPC: `tcp:127.0.0.1:${port}`, KAMCTL_RPC_TIMEOUT: '1' });
    silent.close();
    assert.equal(hung.code, 3);
    assert.match(hung.stderr, /TimeoutError/);
    assert.ok(Date.now() - started < 10_000);
  });

  test('reloadCache gives up after the throttle window and reports the refusal', async () => {
    const busy = await startFakeJsonRpc({ 'permissions.addressReload': () => ({ error: { code: 500, message: 'ongoing reload' } }) });
    const client = createClient(busy.url);
    const outcome = await reloadCache(client, 'address', { throttleWaitMs: 1000, retryEveryMs: 10, sleep: async () => {} });
    await client.close();
    await busy.close();
    assert.equal(outcome.status, 'failed');
    assert.equal(busy.calls.length, 101);
  });
});
