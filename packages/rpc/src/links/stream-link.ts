import { readSync, writeSync } from 'node:fs';
import net from 'node:net';
import { TransportError } from '../errors.js';
import type { Link, LinkHandlers } from './link.js';
import { toTransportError } from './system-error.js';

export type StreamAddress = { path: string } | { host: string; port: number };

/** Opens a unix stream or TCP connection. */
export function openStreamLink(address: StreamAddress, target: string, handlers: LinkHandlers): Promise<Link> {
  return new Promise((resolve, reject) => {
    const socket = 'path' in address ? net.connect({ path: address.path }) : net.connect({ host: address.host, port: address.port });
    let connected = false;
    socket.setNoDelay(true);
    socket.on('data', (chunk) => handlers.onData(chunk));
    socket.on('error', (error) => {
      const wrapped = toTransportError(error, target, connected ? undefined : 'connect');
      if (!connected) reject(wrapped);
      else handlers.onClose(wrapped);
    });
    socket.on('close', () => {
      if (connected) handlers.onClose(new TransportError('connection closed by the server', target, 'ECLOSED'));
    });
    socket.once('connect', () => {
      connected = true;
      resolve({
        send: (data) =>
          new Promise((done, fail) => {
            // Requests sent in the same tick (a pipelined burst) leave in one write, not one each.
            if (!socket.writableCorked) {
              socket.cork();
              process.nextTick(() => socket.uncork());
            }
            socket.write(data, (error) => (error ? fail(toTransportError(error, target, 'send')) : done()));
          }),
        close: () => {
          connected = false;
          socket.destroy();
        },
        sendAndPoll: (data, spinMicros, done) => pollingExchange(socket, data, spinMicros, done, handlers),
      });
    });
  });
}

const pollBuffer = Buffer.allocUnsafe(64 * 1024);

/**
 * Writes straight to the socket's descriptor and reads the answer by polling it without sleeping.
 * A sleeping process takes tens of microseconds to wake on this kind of machine, more than the
 * whole round trip; CLIs making sequential calls opt into this. Whatever does not arrive in time,
 * or any error, is left to the event loop, which reads the same descriptor afterwards.
 */
function pollingExchange(
  socket: net.Socket,
  data: Buffer,
  spinMicros: number,
  done: () => boolean,
  handlers: LinkHandlers,
): boolean {
  const fd = (socket as unknown as { _handle?: { fd?: number } })._handle?.fd;
  if (typeof fd !== 'number' || fd < 0 || socket.writableLength > 0) return false;
  let written: number;
  try {
    written = writeSync(fd, data);
  } catch {
    return false;
  }
  if (written < data.length) {
    socket.write(data.subarray(written));
    return true;
  }
  const deadline = process.hrtime.bigint() + BigInt(Math.round(spinMicros * 1000));
  while (!done()) {
    let count: number;
    try {
      count = readSync(fd, pollBuffer, 0, pollBuffer.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN' && process.hrtime.bigint() < deadline) continue;
      break;
    }
    if (count === 0) break; // end of stream: the event loop will see it too and report it
    handlers.onData(Buffer.from(pollBuffer.subarray(0, count)));
  }
  return true;
}
