// Fuzzing the control plane: 100,000 random or mutated BINRPC packets, and 10,000 malformed JSON
// and XML bodies over HTTP, and 10,000 malformed FIFO lines. The server must keep answering valid
// requests throughout.
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { closeSync, constants, openSync, writeSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { after, before, test } from 'node:test';
import { encodeRequest, int, str } from '@kamkit/binrpc';
import { createClient, type RpcClient } from '@kamkit/rpc';
import { FIFO_REQUEST_MAX } from '../src/control/jsonrpc/fifo-framer.js';
import { startTestServer, type TestServer } from './server-support.js';

let t: TestServer;
let probe: RpcClient;
before(async () => {
  t = await startTestServer();
  probe = createClient(t.targets.tcp, { timeoutMs: 5000 });
});
after(async () => {
  await probe.close();
  await t.stop();
});

/** A small deterministic PRNG so a failure can be reproduced from its seed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

async function stillAnswers(when: string): Promise<void> {
  const { result } = await probe.call('core.echo', 'alive', 7);
  assert.deepEqual(result, ['alive', '7'], `valid request after ${when}`);
}

const VALID = [
  encodeRequest('core.echo', [str('abc'), int(42)], 0x1234),
  encodeRequest('cfg.get', [str('core'), str('debug')], 0x42),
  encodeRequest('system.listMethods', [], 7),
  encodeRequest('core.uptime', [], 0x7fffffff),
];

function mutate(random: () => number, original: Buffer): Buffer {
  const data = Buffer.from(original);
  const flips = 1 + Math.floor(random() * 4);
  for (let f = 0; f < flips; f++) {
    const at = Math.floor(random() * data.length);
    data[at] = random() < 0.5 ? Math.floor(random() * 256) : data[at]! ^ (1 << Math.floor(random() * 8));
  }
  return random() < 0.2 ? data.subarray(0, Math.floor(random() * data.length)) : data;
}

function randomPacket(random: () => number): Buffer {
  if (random() < 0.5) return mutate(random, VALID[Math.floor(random() * VALID.length)]!);
  const data = Buffer.alloc(2 + Math.floor(random() * 64));
  for (let i = 0; i < data.length; i++) data[i] = Math.floor(random() * 256);
  if (random() < 0.9) {
    data[0] = 0xa1;
    data[1] = 0x00;
    data[2] = Math.max(0, data.length - 4);
  }
  return data;
}

test('100,000 random and mutated BINRPC packets over UDP and TCP; valid requests answered throughout', { timeout: 300_000 }, async () => {
  const random = mulberry32(0xb1ca);
  const udpPort = Number(t.targets.udp.split(':').at(-1));
  const tcpPort = Number(t.targets.tcp.split(':').at(-1));
  const udp = dgram.createSocket('udp4');
  udp.on('message', () => undefined);
  await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
  try {
    for (let batch = 0; batch < 10; batch++) {
      // 9,000 datagrams, sent in small bursts so the socket buffers are not the thing under test.
      for (let i = 0; i < 9000; i++) {
        await new Promise<void>((resolve) => udp.send(randomPacket(random), udpPort, '127.0.0.1', () => resolve()));
      }
      // 1,000 more on streams: a malformed packet closes its connection, so open a new one as needed.
      let socket: net.Socket | undefined;
      for (let i = 0; i < 1000; i++) {
        if (!socket || socket.destroyed) {
          socket = net.connect(tcpPort, '127.0.0.1');
          socket.on('error', () => undefined);
          socket.on('data', () => undefined);
          await new Promise<void>((resolve) => socket!.once('connect', () => resolve()).once('close', () => resolve()));
        }
        if (!socket.destroyed) socket.write(randomPacket(random));
        if (i % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
      }
      socket?.destroy();
      await stillAnswers(`${(batch + 1) * 10_000} packets`);
    }
  } finally {
    udp.close();
  }
  assert.equal(t.kills.length, 0);
});

function garbageText(random: () => number, valid: string): string {
  if (random() < 0.5) {
    // A valid document with a few characters changed, cut or duplicated.
    const chars = [...valid];
    const edits = 1 + Math.floor(random() * 4);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(random() * chars.length);
      const choice = random();
      if (choice < 0.4) chars[at] = String.fromCharCode(32 + Math.floor(random() * 95));
      else if (choice < 0.7) chars.splice(at, 1);
      else chars.splice(at, 0, chars[Math.floor(random() * chars.length)] ?? '{');
    }
    return chars.join('');
  }
  const length = Math.floor(random() * 200);
  let text = '';
  for (let i = 0; i < length; i++) text += String.fromCharCode(random() < 0.9 ? 32 + Math.floor(random() * 95) : Math.floor(random() * 0x3000));
  return text;
}

function post(agent: http.Agent, url: string, body: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.request(url, { method: 'POST', agent, headers: { 'Content-Length': Buffer.byteLength(body) } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', () => resolve(-1));
    request.setTimeout(5000, () => request.destroy());
    request.end(body);
  });
}

test('10,000 malformed JSON-RPC and 10,000 malformed XML-RPC bodies over HTTP each get an answer', { timeout: 300_000 }, async () => {
  const random = mulberry32(0x7e57);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const jsonUrl = t.targets.http;
  const xmlUrl = t.targets.xmlrpc.slice('xmlrpc+'.length);
  const validJson = '{"jsonrpc":"2.0","method":"core.echo","params":["a",1],"id":1}';
  const validXml =
    '<?xml version="1.0"?><methodCall><methodName>core.echo</methodName><params><param><value><string>a</string></value></param></params></methodCall>';
  try {
    for (const [url, valid] of [
      [jsonUrl, validJson],
      [xmlUrl, validXml],
    ] as const) {
      const statuses = new Map<number, number>();
      for (let i = 0; i < 10_000; i++) {
        const status = await post(agent, url, garbageText(random, valid));
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (i % 2500 === 2499) await stillAnswers(`${i + 1} bodies to ${url}`);
      }
      // Kamailio leaves a client with unparsable JSON hanging; every one of ours got an HTTP answer.
      assert.equal(statuses.get(-1) ?? 0, 0, `no request without an answer: ${JSON.stringify([...statuses])}`);
    }
  } finally {
    agent.destroy();
  }
});

/** Writes one piece (at most PIPE_BUF, so never interleaved) into the non-blocking FIFO, waiting while it is full. */
async function writeWhole(fd: number, text: string): Promise<void> {
  for (;;) {
    try {
      writeSync(fd, text);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
}

test('10,000 malformed FIFO lines; valid FIFO requests still served', { timeout: 300_000 }, async () => {
  const random = mulberry32(0xf1f0);
  const fifo = t.targets.fifo.slice('fifo:'.length);
  const client = createClient(t.targets.fifo, { fifoReplyDir: t.fifoReplyDir, timeoutMs: 10_000 });
  // The template's reply_name is one jsonrpcs refuses at once (dots in it), even after a few random
  // edits: an accepted name would make the server wait ~320 ms per request for a reply FIFO nobody
  // created, as Kamailio does, and the queue behind it would grow.
  const valid = '{"jsonrpc":"2.0","method":"core.echo","params":["x"],"reply_name":"f.u.z.z.y","id":1}';
  try {
    for (let batch = 0; batch < 4; batch++) {
      const fd = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
      try {
        for (let i = 0; i < 2500; i++) {
          await writeWhole(fd, `${garbageText(random, valid).slice(0, 3000)}\n`);
          if (i % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
        }
        // Garbage may leave a quote or brace open for good: two requests' worth of blanks make the
        // framer give up on that document and start afresh (it would otherwise swallow our request).
        for (let sent = 0; sent < 2 * FIFO_REQUEST_MAX + 1; sent += 4096) await writeWhole(fd, ' '.repeat(4096));
      } finally {
        closeSync(fd);
      }
      const { result } = await client.call('core.echo', 'fifo', batch);
      assert.deepEqual(result, ['fifo', String(batch)]);
      await stillAnswers(`${(batch + 1) * 2500} FIFO lines`);
    }
  } finally {
    await client.close();
  }
});
