import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { encodeFault, encodeReply, PacketTooLargeError } from '@kamkit/binrpc';
import {
  createClient,
  describeError,
  ProtocolError,
  RpcFault,
  TimeoutError,
  TransportError,
  type ClientOptions,
} from '../src/index.js';
import { startStreamPeer, startUdpPeer, tempDir } from './support/replay-servers.js';

/** Calls core.uptime and returns the error's one-line description; fails if the call succeeds. */
async function failure(uri: string, errorClass: new (...args: never[]) => Error, options: ClientOptions = {}) {
  const client = createClient(uri, { timeoutMs: 2000, ...options });
  try {
    await client.call('core.uptime');
  } catch (error) {
    assert.ok(error instanceof errorClass, `expected ${errorClass.name}, got ${String(error)}`);
    const line = describeError(error, uri);
    assert.ok(!line.includes('\n'), 'one line');
    assert.ok(line.startsWith(`${uri}: ${(error as Error).name}: `), line);
    return line;
  } finally {
    await client.close();
  }
  assert.fail('the call succeeded');
}

/** A unix socket file that nobody listens on any more: its server was killed without cleaning up. */
function staleSocket(socketPath: string): void {
  spawnSync(process.execPath, [
    '-e',
    `require('net').createServer().listen(${JSON.stringify(socketPath)}, () => process.kill(process.pid, 'SIGKILL'))`,
  ]);
  assert.ok(existsSync(socketPath));
}

async function freeTcpPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('bad input gives one clear line naming the target and the error class', () => {
  const work = tempDir();
  after(() => work.remove());

  test('a dead unix socket (stale file)', async () => {
    const socketPath = path.join(work.dir, 'dead.sock');
    staleSocket(socketPath);
    const line = await failure(`unix:${socketPath}`, TransportError);
    assert.match(line, /connection refused \(ECONNREFUSED\)/);
  });

  test('a wrong path', async () => {
    const line = await failure(`unix:${work.dir}/no-such-socket`, TransportError);
    assert.match(line, /no such socket or file \(ENOENT\)/);
  });

  test('a dead tcp port', async () => {
    const port = await freeTcpPort();
    assert.match(await failure(`tcp:127.0.0.1:${port}`, TransportError), /connection refused \(ECONNREFUSED\)/);
  });

  test('a dead udp port (ICMP port unreachable)', async () => {
    const port = await freeTcpPort();
    assert.match(await failure(`udp:127.0.0.1:${port}`, TransportError), /ECONNREFUSED/);
  });

  test('a server that closes mid-reply', async () => {
    const peer = await startStreamPeer({ port: 0 }, ({ packet }, socket) => {
      const reply = encodeReply([{ type: 'str', value: 'x'.repeat(500) }], packet.cookie);
      socket.end(reply.subarray(0, 200));
      return undefined;
    });
    try {
      const line = await failure(`tcp:127.0.0.1:${peer.port}`, ProtocolError);
      assert.match(line, /connection closed mid-reply after 200 of 512 bytes/);
    } finally {
      await peer.close();
    }
  });

  test('a server that closes before replying', async () => {
    const peer = await startStreamPeer({ port: 0 }, (_request, socket) => {
      socket.end();
      return undefined;
    });
    try {
      assert.match(await failure(`tcp:127.0.0.1:${peer.port}`, TransportError), /connection closed by the server/);
    } finally {
      await peer.close();
    }
  });

  test('a reply over the size limit', async () => {
    const peer = await startStreamPeer({ port: 0 }, ({ packet }) => encodeReply([{ type: 'str', value: 'y'.repeat(5000) }], packet.cookie));
    try {
      const line = await failure(`tcp:127.0.0.1:${peer.port}`, PacketTooLargeError, { maxReplySize: 4096 });
      assert.match(line, /ProtocolError|PacketTooLargeError/);
      assert.match(line, /exceeds the limit of 4096 bytes/);
    } finally {
      await peer.close();
    }
  });

  test('a reply that is not BINRPC', async () => {
    const peer = await startStreamPeer({ port: 0 }, () => Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n'));
    try {
      assert.match(await failure(`tcp:127.0.0.1:${peer.port}`, ProtocolError), /bad magic/);
    } finally {
      await peer.close();
    }
  });

  test('a reply with a cookie nobody asked for', async () => {
    const peer = await startStreamPeer({ port: 0 }, ({ packet }) => encodeReply([], packet.cookie ^ 1));
    try {
      assert.match(await failure(`tcp:127.0.0.1:${peer.port}`, ProtocolError), /matches no request/);
    } finally {
      await peer.close();
    }
  });

  test('a silent server times out', async () => {
    const peer = await startStreamPeer({ port: 0 }, () => undefined);
    try {
      assert.match(await failure(`tcp:127.0.0.1:${peer.port}`, TimeoutError, { timeoutMs: 150 }), /no reply within 150 ms/);
    } finally {
      await peer.close();
    }
  });

  test('a silent udp server times out (kamcmd would wait forever)', async () => {
    const peer = await startUdpPeer(() => []);
    try {
      await failure(`udp:127.0.0.1:${peer.port}`, TimeoutError, { timeoutMs: 150 });
    } finally {
      await peer.close();
    }
  });

  test('a missing FIFO and a FIFO nobody reads', async () => {
    assert.match(await failure(`fifo:${work.dir}/no.fifo`, TransportError, { fifoReplyDir: `${work.dir}/` }), /ENOENT/);
    const fifo = path.join(work.dir, 'orphan.fifo');
    spawnSync('mkfifo', [fifo]);
    assert.match(await failure(`fifo:${fifo}`, TransportError, { fifoReplyDir: `${work.dir}/` }), /ENXIO/);
  });

  test('a FIFO reply directory that does not exist', async () => {
    const fifo = path.join(work.dir, 'orphan.fifo');
    assert.match(
      await failure(`fifo:${fifo}`, TransportError, { fifoReplyDir: `${work.dir}/missing/` }),
      /creating reply FIFO in .*missing/,
    );
  });

  test('a dead HTTP endpoint for JSON-RPC and XML-RPC', async () => {
    const port = await freeTcpPort();
    assert.match(await failure(`http://127.0.0.1:${port}/RPC`, TransportError), /ECONNREFUSED/);
    assert.match(await failure(`xmlrpc+http://127.0.0.1:${port}/RPC2`, TransportError), /ECONNREFUSED/);
  });

  test('a missing unix datagram socket', async () => {
    assert.match(await failure(`unixd:${work.dir}/no-such.dgram`, TransportError, { replySocketDir: work.dir }), /ENOENT/);
    assert.match(await failure(`jsonrpc+unixd:${work.dir}/no-such.dgram`, TransportError, { replySocketDir: work.dir }), /ENOENT/);
  });

  test('faults are RpcFaults, and the connection stays usable after one', async () => {
    let calls = 0;
    const peer = await startStreamPeer({ port: 0 }, ({ packet }) => {
      calls++;
      return calls === 1
        ? encodeFault(500, 'command no.such not found', packet.cookie)
        : encodeReply([{ type: 'int', value: 7 }], packet.cookie);
    });
    const client = createClient(`tcp:127.0.0.1:${peer.port}`);
    try {
      await assert.rejects(client.call('no.such'), (e: unknown) => e instanceof RpcFault && e.code === 500 && describeError(e) === `tcp:127.0.0.1:${peer.port}: RpcFault: 500 - command no.such not found`);
      assert.equal((await client.call('x')).result, 7);
    } finally {
      await client.close();
      await peer.close();
    }
  });

  test('after the server went away, the next call reconnects', async () => {
    const socketPath = path.join(work.dir, 'restart.sock');
    let peer = await startStreamPeer({ path: socketPath }, ({ packet }) => encodeReply([{ type: 'int', value: 1 }], packet.cookie));
    const client = createClient(`unix:${socketPath}`);
    try {
      assert.equal((await client.call('a')).result, 1);
      await peer.close();
      await new Promise((resolve) => setTimeout(resolve, 20));
      peer = await startStreamPeer({ path: socketPath }, ({ packet }) => encodeReply([{ type: 'int', value: 2 }], packet.cookie));
      assert.equal((await client.call('a').catch(() => client.call('a'))).result, 2);
    } finally {
      await client.close();
      await peer.close();
    }
  });
});
