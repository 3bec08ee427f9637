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
          new Promise((done, fail) => socket.write(data, (error) => (error ? fail(toTransportError(error, target, 'send')) : done()))),
        close: () => {
          connected = false;
          socket.destroy();
        },
      });
    });
  });
}
