// The RPC client against a REAL Kamailio 5.6.3 (started by test/interop/run.mjs): every transport,
// the same commands, the same values.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createClient, RpcFault, type RpcClient } from '@kamkit/rpc';
import { readLabEnv, registerUser } from '../harness/index.mjs';

const env = readLabEnv();

const transports: Record<string, string> = {
  'binrpc unix': env.ctlSocket,
  'binrpc unix polling': env.ctlSocket,
  'binrpc tcp': env.binrpcTcp,
  'binrpc tcp polling': env.binrpcTcp,
  'binrpc udp': env.binrpcUdp,
  'binrpc unixd': `unixd:${env.workDir}/kamailio_ctl.dgram`,
  'jsonrpc http': env.jsonrpcHttp,
  'jsonrpc fifo': `fifo:${env.rpcFifo}`,
  'jsonrpc unixd': `jsonrpc+unixd:${env.workDir}/kamailio_rpc.sock`,
  'xmlrpc http': env.xmlrpcHttp,
};

const clients = new Map<string, RpcClient>();
const client = (name: string) => clients.get(name)!;
const isBinrpc = (name: string) => name.startsWith('binrpc');

/** Per-transport results of one call, for comparing across transports. */
async function everywhere(method: string, ...params: (string | number)[]): Promise<Map<string, unknown>> {
  const results = new Map<string, unknown>();
  for (const name of Object.keys(transports)) results.set(name, (await client(name).call(method, ...params)).result);
  return results;
}

function assertAllEqual(results: Map<string, unknown>, normalise: (value: unknown) => unknown = (v) => v) {
  const [firstName, first] = [...results][0]!;
  for (const [name, value] of results) assert.deepEqual(normalise(value), normalise(first), `${name} differs from ${firstName}`);
}

/**
 * Values that legitimately differ between two calls or two encodings, normalised narrowly: the
 * seconds-based usrloc timestamps that tick between calls, and `Methods` and `HashID`, unsigned
 * 32-bit values that BINRPC can only carry as signed ints (-1 for 4294967295).
 */
function normaliseContacts(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, inner: unknown) => {
    if (key === 'Expires' || key === 'Last-Keepalive' || key === 'Last-Modified') return 'volatile';
    if ((key === 'Methods' || key === 'HashID') && typeof inner === 'number') return inner >>> 0;
    return inner;
  });
}

describe('RPC client against the real Kamailio 5.6.3, on every transport', () => {
  before(async () => {
    for (const [name, uri] of Object.entries(transports)) {
      // The "polling" variants take the low-latency path (busy-polling for the reply, as the CLIs do).
      const spinMicros = name.endsWith('polling') ? 20_000 : 0;
      clients.set(name, createClient(uri, { fifoReplyDir: env.fifoReplyDir, replySocketDir: env.workDir, spinMicros }));
    }
    await registerUser(env, { user: 'carol', password: 'carol-secret', contacts: 3 });
  });
  after(async () => {
    for (const c of clients.values()) await c.close();
  });

  test('core.uptime: the same start time everywhere, a live uptime', async () => {
    const results = await everywhere('core.uptime');
    for (const [name, value] of results) {
      const uptime = value as { now: string; up_since: string; uptime: number };
      assert.match(uptime.now, /^\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/, name);
      assert.ok(Number.isInteger(uptime.uptime) && uptime.uptime >= 0, name);
    }
    assertAllEqual(results, (v) => (v as { up_since: string }).up_since);
  });

  test('system.listMethods: one sorted list, identical everywhere', async () => {
    const results = await everywhere('system.listMethods');
    const methods = results.get('binrpc unix') as string[];
    assert.ok(methods.includes('core.uptime') && methods.includes('ul.dump') && methods.includes('dispatcher.list'));
    assert.ok(methods.length > 100);
    assertAllEqual(results);
  });

  test('cfg.get and cfg.set_now_int: a change made on one transport is seen on all', async () => {
    assertAllEqual(await everywhere('cfg.get', 'lab', 'greeting'));
    const before = (await client('binrpc unix').call('cfg.get', 'core', 'debug')).result as number;
    try {
      for (const [index, name] of Object.keys(transports).entries()) {
        const level = index % 2 === 0 ? 1 : 2;
        assert.deepEqual((await client(name).call('cfg.set_now_int', 'core', 'debug', level)).result, {}, name);
        const seen = await everywhere('cfg.get', 'core', 'debug');
        for (const [other, value] of seen) assert.equal(value, level, `${other} after ${name} set ${level}`);
      }
    } finally {
      await client('binrpc unix').call('cfg.set_now_int', 'core', 'debug', before);
    }
  });

  test('faults: the same code everywhere', async () => {
    for (const name of Object.keys(transports)) {
      await assert.rejects(
        client(name).call('cfg.set_now_int', 'lab', 'nosuchvar', 1),
        (e: unknown) => e instanceof RpcFault && e.code === 400 && e.message === 'Failed to set the variable',
        name,
      );
      await assert.rejects(client(name).call('no.such.method'), (e: unknown) => e instanceof RpcFault && e.code === 500, name);
    }
  });

  test('core.echo with int and str arguments: the same strings everywhere', async () => {
    const results = await everywhere('core.echo', 'hello', 42, 'x y');
    for (const value of results.values()) assert.deepEqual(value, ['hello', '42', 'x y']);
  });

  test("core.echo with a double: each server driver's own conversion", async () => {
    for (const name of Object.keys(transports)) {
      const { result } = await client(name).call('core.echo', 'a', 1.5);
      // ctl cannot turn a double into a string and stops echoing; jsonrpcs truncates; xmlrpc keeps the text.
      const expected = isBinrpc(name) ? ['a'] : name.startsWith('jsonrpc') ? ['a', '1'] : ['a', '1.5'];
      assert.deepEqual(result, expected, name);
    }
  });

  test('ul.dump after a REGISTER with three contacts: the same AoR and contacts everywhere', async () => {
    const results = await everywhere('ul.dump');
    const dump = normaliseContacts(results.get('jsonrpc http')) as {
      Domains: { Domain: { Domain: string; AoRs: { Info: { AoR: string; Contacts: { Contact: { Address: string } }[] } }[] } }[];
    };
    const location = dump.Domains.find((d) => d.Domain.Domain === 'location')!;
    const carol = location.Domain.AoRs.find((a) => a.Info.AoR === `carol@${env.domain}`);
    assert.ok(carol, 'carol is registered');
    assert.equal(carol.Info.Contacts.length, 3);
    assertAllEqual(results, normaliseContacts);
  });

  test('dispatcher.list: the seeded set everywhere', async () => {
    const results = await everywhere('dispatcher.list');
    const uris = (value: unknown) => {
      const list = value as { NRSETS: number; RECORDS: { SET: { ID: number; TARGETS: { DEST: { URI: string } }[] } }[] };
      return list.RECORDS.map((r) => ({ id: r.SET.ID, uris: r.SET.TARGETS.map((t) => t.DEST.URI) }));
    };
    assert.deepEqual(uris(results.get('binrpc unix')), [{ id: 1, uris: env.dispatcherSet1 }]);
    // FLAGS follow the probing state, which may change between two calls.
    assertAllEqual(results, uris);
  });

  test('BINRPC replies keep the record tree for kamcmd printing', async () => {
    const reply = await client('binrpc tcp').call('core.version');
    assert.deepEqual(reply.records, [{ type: 'str', value: `kamailio ${env.kamailioVersion} (x86_64/linux) ` }]);
  });
});
