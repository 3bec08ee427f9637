// The BINRPC stream listener's busy polling (--busy-poll): after a reply it reads the socket itself
// for a while. Whatever arrives that way, in whatever pieces, must be served exactly as the event
// loop would serve it, and a client that leaves during a poll must not upset the server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { decodeReply, encodeRequest, FrameParser, type Packet } from '@kamkit/binrpc';
import { createClient } from '@kamkit/rpc';
import { startTestServer, type TestServer } from './server-support.js';

let t: TestServer;

before(async () => {
  // A long window, so that every back-to-back request in these tests is read by the poll.
  t = await startTestServer({}, (settings) => ({ ...settings, ctl: { ...settings.ctl!, busyPollMicros: 20_000 } }));
});
after(() => t.stop());

for (const transport of ['unix', 'tcp'] as const) {
  test(`${transport}: 300 back-to-back calls are each answered with their own values`, async () => {
    const client = createClient(t.targets[transport], { timeoutMs: 3000, spinMicros: 1000 });
    try {
      for (let i = 0; i < 300; i++) assert.deepEqual((await client.call('core.echo', `call ${i}`)).result, [`call ${i}`]);
    } finally {
      await client.close();
    }
  });
}

test('pipelined calls on one connection come back complete and in order', async () => {
  const client = createClient(t.targets.unix, { timeoutMs: 3000 });
  try {
    const replies = (await Promise.all(Array.from({ length: 50 }, (_, i) => client.call('core.echo', `p${i}`)))).map((r) => r.result);
    assert.deepEqual(replies, Array.from({ length: 50 }, (_, i) => [`p${i}`]));
  } finally {
    await client.close();
  }
});

/** A raw connection that collects reply packets. */
async function rawConnection(path: string): Promise<{ socket: net.Socket; next(): Promise<Packet> }> {
  const socket = net.createConnection(path);
  await new Promise((resolve) => socket.once('connect', resolve));
  const parser = new FrameParser();
  const packets: Packet[] = [];
  const waiting: ((p: Packet) => void)[] = [];
  socket.on('data', (chunk) =>
    parser.parse(chunk, (packet) => {
      const waiter = waiting.shift();
      if (waiter) waiter(packet);
      else packets.push(packet);
    }),
  );
  return {
    socket,
    next: () => (packets.length ? Promise.resolve(packets.shift()!) : new Promise((resolve) => waiting.push(resolve))),
  };
}

const unixPath = () => t.targets.unix.slice('unix:'.length);

test('a request split across the poll and the event loop is still one request', async () => {
  const { socket, next } = await rawConnection(unixPath());
  try {
    socket.write(encodeRequest('core.echo', [{ type: 'str', value: 'first' }], 1));
    assert.deepEqual(decodeReply(await next()), { kind: 'reply', cookie: 1, values: [{ type: 'str', value: 'first' }] });
    // The server is polling now: the first bytes reach the poll, the rest come later.
    const request = encodeRequest('core.echo', [{ type: 'str', value: 'in two pieces' }], 2);
    socket.write(request.subarray(0, 5));
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.write(request.subarray(5));
    assert.deepEqual(decodeReply(await next()), { kind: 'reply', cookie: 2, values: [{ type: 'str', value: 'in two pieces' }] });
  } finally {
    socket.destroy();
  }
});

test('a client that leaves while the server polls for it: the server notices and keeps serving', async () => {
  const { socket, next } = await rawConnection(unixPath());
  socket.write(encodeRequest('core.echo', [{ type: 'str', value: 'bye' }], 7));
  assert.equal((await next()).cookie, 7);
  socket.end();
  await new Promise((resolve) => socket.once('close', resolve));
  const client = createClient(t.targets.unix, { timeoutMs: 3000 });
  try {
    // ctl.who lists each open stream connection as six values: only this client's once the server
    // saw the close.
    let who: unknown[] = [];
    for (let i = 0; i < 50; i++) {
      who = (await client.call('ctl.who')).result as unknown[];
      if (who.length === 6) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.equal(who.length, 6, `ctl.who still lists the closed connection: ${JSON.stringify(who)}`);
    assert.deepEqual((await client.call('core.echo', 'still here')).result, ['still here']);
  } finally {
    await client.close();
  }
});

test('two open connections are served alternately (no poll holds one up for the other)', async () => {
  const a = createClient(t.targets.unix, { timeoutMs: 3000 });
  const b = createClient(t.targets.tcp, { timeoutMs: 3000 });
  try {
    for (let i = 0; i < 20; i++) {
      assert.deepEqual((await a.call('core.echo', `a${i}`)).result, [`a${i}`]);
      assert.deepEqual((await b.call('core.echo', `b${i}`)).result, [`b${i}`]);
    }
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});

test('a malformed packet read by the poll gets the fault and the connection is closed', async () => {
  const { socket, next } = await rawConnection(unixPath());
  socket.write(encodeRequest('core.echo', [{ type: 'str', value: 'ok' }], 3));
  assert.equal((await next()).cookie, 3);
  // A request header with an empty body: no method name.
  socket.write(Buffer.from([0xa1, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]));
  assert.deepEqual(decodeReply(await next()), { kind: 'fault', cookie: 0, code: 400, message: 'bad request method: end of packet encountered' });
  await new Promise((resolve) => socket.once('close', resolve));
});
