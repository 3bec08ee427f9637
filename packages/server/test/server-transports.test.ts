// Every transport of a running server answers the same commands with the same values, each in its
// own encoding, through our own client (@kamkit/rpc) as a tool would.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { asInt, asStr, createClient, RpcFault, type RpcClient } from '@kamkit/rpc';
import { startTestServer, type TestServer } from './server-support.js';

let t: TestServer;
const clients = new Map<string, RpcClient>();

before(async () => {
  t = await startTestServer();
  for (const [name, target] of Object.entries(t.targets)) {
    clients.set(name, createClient(target, { timeoutMs: 3000, fifoReplyDir: t.fifoReplyDir, replySocketDir: t.dir }));
  }
});

after(async () => {
  await Promise.all([...clients.values()].map((c) => c.close()));
  await t.stop();
});

async function everywhere(method: string, ...params: Parameters<RpcClient['call']>[1][]): Promise<Map<string, unknown>> {
  const results = new Map<string, unknown>();
  for (const [name, client] of clients) results.set(name, (await client.call(method, ...params)).result);
  return results;
}

function allEqual(results: Map<string, unknown>, expected: unknown): void {
  for (const [transport, result] of results) assert.deepEqual(result, expected, `over ${transport}`);
}

test('eight transports are up', () => {
  assert.equal(clients.size, 8);
});

test('core.version, core.pwd, core.arg: the same strings everywhere', async () => {
  const version = (await everywhere('core.version')).get('unix') as string;
  assert.match(version, /^kamailio 5\.6\.3 \(\w+\/\w+\) $/);
  allEqual(await everywhere('core.version'), version);
  allEqual(await everywhere('core.pwd'), [process.cwd()]);
  allEqual(await everywhere('core.arg'), ['kamkit-server', '-f', 'test.cfg']);
});

test('core.echo: strings and integers come back as strings', async () => {
  allEqual(await everywhere('core.echo', 'abc', asInt(42), asStr('7')), ['abc', '42', '7']);
});

test('core.psx and core.ps: the virtual worker table with stable synthetic pids', async () => {
  const psx = (await everywhere('core.psx')).get('http') as { IDX: number; PID: number; DSC: string }[];
  assert.deepEqual(psx[0], { IDX: 0, PID: process.pid, DSC: 'main process - attendant' });
  assert.ok(psx.some((p) => p.DSC === 'ctl handler'));
  for (const p of psx) assert.equal(p.PID, process.pid + p.IDX);
  allEqual(await everywhere('core.psx'), psx);
  allEqual(await everywhere('core.ps'), psx.flatMap((p) => [p.PID, p.DSC]));
});

test('system.listMethods: sorted, identical everywhere, includes every command of the brief', async () => {
  const results = await everywhere('system.listMethods');
  const names = results.get('tcp') as string[];
  assert.deepEqual(names, [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
  for (const required of ['system.methodHelp', 'system.methodSignature', 'core.uptime', 'core.info', 'core.kill', 'core.shmmem', 'core.sockets_list', 'stats.get_statistics', 'stats.reset_statistics', 'stats.clear_statistics', 'cnt.get', 'cnt.grps_list', 'cnt.var_list', 'cnt.help', 'ctl.listen']) {
    assert.ok(names.includes(required), required);
  }
  allEqual(results, names);
});

test('counters and statistics: same groups and values everywhere', async () => {
  allEqual(await everywhere('cnt.grps_list'), ['core', 'dns', 'shmem']);
  allEqual(await everywhere('cnt.get', 'dns'), { failed_dns_request: 0, slow_dns_request: 0 });
  allEqual(await everywhere('cnt.get', 'core', 'rcv_requests'), 0);
  allEqual(await everywhere('stats.get_statistics', 'dns:'), ['dns:failed_dns_request = 0', 'dns:slow_dns_request = 0']);
  allEqual(await everywhere('cnt.help', 'dns', 'slow_dns_request'), 'kamailio statistic (no description)');
});

test('stats.clear_statistics reports the old value and resets; reset_statistics resets', async () => {
  t.server.counters.get('core', 'rcv_requests')!.add(5);
  const cleared = await clients.get('unix')!.call('stats.clear_statistics', 'rcv_requests');
  assert.deepEqual(cleared.result, 'core:rcv_requests = 0 (5)');
  t.server.counters.get('core', 'fwd_requests')!.add(2);
  await clients.get('xmlrpc')!.call('stats.reset_statistics', 'fwd_requests');
  assert.equal(t.server.counters.get('core', 'fwd_requests')!.value, 0);
});

test('core.shmmem: the same six members; units scale', async () => {
  for (const [transport, result] of await everywhere('core.shmmem', 'k')) {
    assert.deepEqual(Object.keys(result as object), ['total', 'free', 'used', 'real_used', 'max_used', 'fragments'], transport);
  }
  const bytes = (await clients.get('tcp')!.call('core.shmmem')).result as { total: number };
  const mega = (await clients.get('tcp')!.call('core.shmmem', 'M')).result as { total: number };
  assert.equal(mega.total, Math.floor(bytes.total / 2 ** 20));
});

test('core.sockets_list and ctl.listen describe the listeners', async () => {
  const port = Number(new URL(t.targets.http).port);
  const socket = { proto: 'tcp', address: '127.0.0.1', ipaddress: '127.0.0.1', port: String(port), mcast: 'no', mhomed: 'no', virtual: 'no' };
  for (const [transport, result] of await everywhere('core.sockets_list')) {
    // BINRPC sends the array as a struct of `socket` members; with a single socket the client
    // cannot tell it from a plain struct (the method is not RET_ARRAY), so it shows an object.
    const binrpc = ['unix', 'unixd', 'tcp', 'udp'].includes(transport);
    assert.deepEqual(result, binrpc ? { socket } : [{ socket }], transport);
  }
  const listen = (await clients.get('unix')!.call('ctl.listen')).records!.map((r) => (r as { value: string }).value);
  assert.deepEqual(listen.slice(0, 4), ['binrpc', 'unix_stream', path.join(t.dir, 'ctl'), '']);
  assert.equal(listen.length, 16);
});

test('ctl.who works over BINRPC only (606 elsewhere)', async () => {
  const who = await clients.get('unix')!.call('ctl.who');
  assert.ok(who.records!.some((r) => (r as { value: string }).value === '<anonymous unix socket>'));
  await assert.rejects(clients.get('http')!.call('ctl.who'), (e: unknown) => e instanceof RpcFault && e.code === 606);
});

test('cfg.* (the cfg framework registered into the same registry): same values everywhere', async () => {
  const debug = (await everywhere('cfg.get', 'core', 'debug')).get('unix');
  assert.equal(typeof debug, 'number');
  allEqual(await everywhere('cfg.get', 'core', 'debug'), debug);
  await clients.get('tcp')!.call('cfg.set_now_int', 'core', 'debug', asInt(3));
  allEqual(await everywhere('cfg.get', 'core', 'debug'), 3);
  await clients.get('http')!.call('cfg.set_now_int', 'core', 'debug', asInt(Number(debug)));
  const list = (await everywhere('cfg.list', 'core')).get('fifo') as string[];
  assert.ok(list.includes('core: debug'));
  allEqual(await everywhere('cfg.list', 'core'), list);
});

test('core.kill replies first, then hands the signal to the server (never to other processes)', async () => {
  await clients.get('fifo')!.call('core.kill', asInt(2));
  await clients.get('unix')!.call('core.kill');
  assert.deepEqual(t.kills, [2, 15]);
});

test('unix sockets and the FIFO get the configured mode (0600 here)', () => {
  for (const file of ['ctl', 'ctl.dgram', 'rpc.fifo', 'rpc.sock']) {
    assert.equal(statSync(path.join(t.dir, file)).mode & 0o777, 0o600, file);
  }
});

test('stop() removes the socket and FIFO files', async () => {
  const files = ['ctl', 'ctl.dgram', 'rpc.fifo', 'rpc.sock'].map((f) => path.join(t.dir, f));
  for (const file of files) assert.ok(existsSync(file), file);
  const other = await startTestServer();
  const otherFiles = ['ctl', 'ctl.dgram', 'rpc.fifo', 'rpc.sock'].map((f) => path.join(other.dir, f));
  await other.server.stop();
  for (const file of otherFiles) assert.ok(!existsSync(file), `${file} removed`);
  await other.stop();
});
