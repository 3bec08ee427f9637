import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { decodeRequest, encodeFault, encodeReply, FrameParser, type BinrpcValue } from '@kamkit/binrpc';

/**
 * How the peer answers one request: values, a fault, nothing at all (to provoke timeouts), or
 * by closing the connection.
 */
export type PeerAnswer = { values: BinrpcValue[] } | { fault: { code: number; message: string } } | 'silence' | 'hang up';

export type PeerMethods = Record<string, (params: BinrpcValue[]) => PeerAnswer>;

export interface BinrpcPeer {
  /** `unix:<path>` of the peer's socket. */
  target: string;
  path: string;
  /** Every method asked for, in arrival order. */
  requests: string[];
  /** Most requests seen unanswered at once on one connection (pipelining depth). */
  maxInFlight: number;
  connections: number;
  close(): Promise<void>;
}

/**
 * A small BINRPC server on a unix stream socket, in a fresh directory: answers the methods it
 * knows, `500 command X not found` to the others, in request order as Kamailio's ctl does.
 * `answerDelayMs` holds replies back so that requests pile up (pipelining shows); `unreachable`
 * closes the socket's directory to the user the tests run the client as.
 */
export async function startBinrpcPeer(methods: PeerMethods, options: { answerDelayMs?: number; unreachable?: boolean } = {}): Promise<BinrpcPeer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kamcmd-peer-'));
  const socketPath = path.join(dir, 'ctl');
  const sockets = new Set<net.Socket>();
  const peer: BinrpcPeer = {
    target: `unix:${socketPath}`,
    path: socketPath,
    requests: [],
    maxInFlight: 0,
    connections: 0,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
      chmodSync(dir, 0o700);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const server = net.createServer((socket) => {
    peer.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const parser = new FrameParser();
    let waiting = 0;
    let replies = Promise.resolve();
    socket.on('data', (chunk) =>
      parser.parse(chunk, (packet) => {
        const request = decodeRequest(packet);
        peer.requests.push(request.method);
        waiting++;
        peer.maxInFlight = Math.max(peer.maxInFlight, waiting);
        const handler = methods[request.method];
        const answer: PeerAnswer = handler ? handler(request.params) : { fault: { code: 500, message: `command ${request.method} not found` } };
        replies = replies.then(async () => {
          if (options.answerDelayMs) await new Promise((resolve) => setTimeout(resolve, options.answerDelayMs));
          waiting--;
          if (answer === 'silence') return;
          if (answer === 'hang up') return void socket.destroy();
          socket.write('fault' in answer ? encodeFault(answer.fault.code, answer.fault.message, packet.cookie) : encodeReply(answer.values, packet.cookie));
        });
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  // Root passes permission checks whatever the mode: it gets a directory only root may enter
  // (tests then run the client as nobody); anyone else one that nobody may enter.
  if (options.unreachable) chmodSync(dir, process.getuid?.() === 0 ? 0o700 : 0);
  return peer;
}
