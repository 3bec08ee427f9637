import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import unix from 'unix-dgram';
import { decodeHeader, decodePacket, encodeRequest, FrameParser, type Packet } from '@kamkit/binrpc';
import { createClient, paramToRecord, parseCliTokens, recordsToPlain, RET_ARRAY_METHODS, RpcFault } from '../src/index.js';
import { startStreamPeer, startUdpPeer, tempDir, withCookie } from './support/replay-servers.js';
import { vectorFile, vectorFiles } from './support/vector-files.js';

interface Capture {
  name: string;
  /** The kamcmd command line, split into method and arguments (after the options). */
  method: string;
  args: string[];
  request: Packet;
  requestRaw: Buffer;
  reply: Packet;
}

function packetsOf(hex: string): { packet: Packet; raw: Buffer }[] {
  const bytes = Buffer.from(hex.replace(/\s+/g, ''), 'hex');
  const packets: { packet: Packet; raw: Buffer }[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    const header = decodeHeader(bytes.subarray(offset))!;
    const raw = bytes.subarray(offset, offset + header.headerLength + header.bodyLength);
    packets.push({ packet: decodePacket(raw), raw });
    offset += raw.length;
  }
  return packets;
}

function loadCaptures(): Capture[] {
  return vectorFiles('binrpc', '.req.hex')
    .filter((name) => name !== 'repl_two_commands')
    .map((name) => {
      const commandLine = vectorFile('binrpc', `${name}.kamcmd.txt`).toString().split('\n')[0]!;
      // "$ kamcmd -s tcp:127.0.0.1:12049 [--] method args..." (no argument of these contains spaces)
      const words = commandLine.replace(/^\$ kamcmd -s \S+ (-- )?/, '').split(' ');
      const [request] = packetsOf(vectorFile('binrpc', `${name}.req.hex`).toString());
      const [reply] = packetsOf(vectorFile('binrpc', `${name}.rep.hex`).toString());
      return { name, method: words[0]!, args: words.slice(1), request: request!.packet, requestRaw: request!.raw, reply: reply!.packet };
    });
}

const captures = loadCaptures();

describe('requests typed from the kamcmd command line', () => {
  for (const capture of captures) {
    test(`${capture.name}: byte-identical to kamcmd's request (same cookie)`, () => {
      const params = parseCliTokens(capture.args).map(paramToRecord);
      assert.deepEqual(encodeRequest(capture.method, params, capture.request.cookie), capture.requestRaw);
    });
  }
});

/** Answers each request with the captured reply for its method, re-stamped with the request's cookie. */
function replayFor(packet: Packet): Buffer {
  const capture = captures.find((c) => Buffer.compare(Buffer.from(c.request.body), Buffer.from(packet.body)) === 0);
  assert.ok(capture, 'the client sent exactly the bytes kamcmd sent');
  return withCookie(capture.reply, packet.cookie);
}

async function exerciseClient(uri: string, options = {}) {
  const client = createClient(uri, options);
  try {
    for (const capture of captures) {
      const reply = client.call(capture.method, ...parseCliTokens(capture.args));
      const expected = decodePacket(withCookie(capture.reply, 0));
      if (expected.type === 3) {
        await assert.rejects(reply, RpcFault, capture.name);
      } else {
        const { result, records } = await reply;
        assert.ok(records, 'BINRPC replies keep the record tree');
        assert.deepEqual(result, recordsToPlain(records, RET_ARRAY_METHODS.has(capture.method)), capture.name);
      }
    }
    // Several calls in flight on the one connection are matched by cookie.
    const many = await Promise.all(Array.from({ length: 20 }, () => client.call('core.version')));
    assert.ok(many.every((r) => r.result === 'kamailio 5.6.3 (x86_64/linux) '));
  } finally {
    await client.close();
  }
}

describe('BINRPC transports against replaying peers', () => {
  const work = tempDir();
  after(() => work.remove());

  test('unix stream', async () => {
    const socketPath = path.join(work.dir, 'ctl.sock');
    const peer = await startStreamPeer({ path: socketPath }, ({ packet }) => replayFor(packet));
    try {
      await exerciseClient(`unix:${socketPath}`);
      await exerciseClient(`unixs:${socketPath}`);
      await exerciseClient(`unix:${socketPath}`, { spinMicros: 5000 });
    } finally {
      await peer.close();
    }
  });

  test('tcp', async () => {
    const peer = await startStreamPeer({ port: 0 }, ({ packet }) => replayFor(packet));
    try {
      await exerciseClient(`tcp:127.0.0.1:${peer.port}`);
      await exerciseClient(`tcp:127.0.0.1:${peer.port}`, { spinMicros: 5000 });
    } finally {
      await peer.close();
    }
  });

  test('udp, with replies split over several datagrams', async () => {
    const peer = await startUdpPeer((packet) => {
      const reply = replayFor(packet);
      const third = Math.ceil(reply.length / 3);
      return [reply.subarray(0, third), reply.subarray(third, 2 * third), reply.subarray(2 * third)].filter((d) => d.length);
    });
    try {
      await exerciseClient(`udp:127.0.0.1:${peer.port}`);
    } finally {
      await peer.close();
    }
  });

  describe('unix datagram, with a bound reply socket', () => {
    const serverPath = path.join(work.dir, 'ctl.dgram');
    const replyPath = path.join(work.dir, 'reply.dgram');
    let server: ReturnType<typeof unix.createSocket>;
    before(async () => {
      server = unix.createSocket('unix_dgram', (message) => {
        new FrameParser().parse(message, (packet) => {
          const reply = replayFor(packet);
          server.sendto(reply, 0, reply.length, replyPath);
        });
      });
      await new Promise<void>((resolve) => {
        server.once('listening', () => resolve());
        server.bind(serverPath);
      });
    });
    after(() => server.close());

    test('calls and pipelined calls', () => exerciseClient(`unixd:${serverPath}`, { replySocketPath: replyPath }));
  });
});
