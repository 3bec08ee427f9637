import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import dgram from 'node:dgram';
import { decodeRequest, encodePacket, FrameParser, type Packet } from '@kamkit/binrpc';

export function tempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kamkit-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Answers BINRPC requests: `answer` gets the decoded request and returns raw reply bytes (or nothing). */
export type BinrpcAnswer = (request: { method: string; packet: Packet }, socket: net.Socket) => Buffer | undefined;

/** A stream BINRPC peer (unix path or TCP on loopback) driven by `answer`. */
export async function startStreamPeer(listen: { path: string } | { port: 0 }, answer: BinrpcAnswer) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const parser = new FrameParser();
    socket.on('data', (chunk) =>
      parser.parse(chunk, (packet) => {
        const reply = answer({ method: decodeRequest(packet).method, packet }, socket);
        if (reply) socket.write(reply);
      }),
    );
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen('path' in listen ? listen.path : { host: '127.0.0.1', port: 0 }, resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A UDP BINRPC peer: each request datagram is answered with the datagrams `answer` returns. */
export async function startUdpPeer(answer: (packet: Packet) => Buffer[]) {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (message, remote) => {
    const parser = new FrameParser();
    parser.parse(message, (packet) => {
      for (const datagram of answer(packet)) socket.send(datagram, remote.port, remote.address);
    });
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { port: socket.address().port, close: () => new Promise<void>((resolve) => socket.close(() => resolve())) };
}

/** Re-stamps a captured reply with the cookie of the request it answers. */
export function withCookie(packet: Packet, cookie: number): Buffer {
  return encodePacket(packet.type, cookie, packet.body);
}

/**
 * A jsonrpcs-style FIFO peer: reads one request document from `fifoPath`, hands it to `reply`, and
 * writes the answer into `replyDir + reply_name`, as Kamailio does.
 */
export function serveFifoOnce(fifoPath: string, replyDir: string, reply: (request: Record<string, unknown>) => string): Promise<Record<string, unknown>> {
  execFileSync('mkfifo', [fifoPath]);
  return new Promise((resolve, reject) => {
    // Read-write, so opening does not block waiting for a writer.
    const fd = openSync(fifoPath, constants.O_RDWR);
    const socket = new net.Socket({ fd, readable: true, writable: false });
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (!text.includes('\n')) return;
      socket.destroy();
      try {
        const request = JSON.parse(text) as Record<string, unknown>;
        const out = openSync(path.join(replyDir, String(request.reply_name)), constants.O_WRONLY);
        writeFileSync(out, reply(request));
        closeSync(out);
        resolve(request);
      } catch (error) {
        reject(error);
      }
    });
  });
}

/**
 * An HTTP peer that answers every request with the captured bytes `reply(requestBody)` returns,
 * verbatim (status line, Sia header and all), and keeps the connection open as Kamailio does.
 */
export async function startHttpReplay(reply: (body: string) => Buffer | undefined) {
  const seen: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        const end = buffered.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/content-length:\s*(\d+)/i.exec(buffered.subarray(0, end).toString())?.[1] ?? 0);
        if (buffered.length < end + 4 + length) return;
        const body = buffered.subarray(end + 4, end + 4 + length).toString('utf8');
        buffered = buffered.subarray(end + 4 + length);
        seen.push(body);
        const answer = reply(body);
        if (answer) socket.write(answer);
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    seen,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
