import type { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The part of the unix-dgram binding we use. */
interface UnixDgramSocket extends EventEmitter {
  bind(path: string): void;
  sendto(data: Buffer, offset: number, length: number, path: string, callback: (error?: Error) => void): void;
  close(): void;
}
interface UnixDgramModule {
  createSocket(type: 'unix_dgram', listener: (data: Buffer, info?: { path?: string }) => void): UnixDgramSocket;
}

/** A bound unix datagram socket (Node has none built in; unix-dgram is a small native binding). */
export interface UnixDatagramServer {
  /** Replies to a client's bound path; false when the datagram could not be sent. */
  sendTo(data: Buffer, path: string): Promise<boolean>;
  close(): void;
}

/** Binds `path` and calls `onMessage` with each datagram and the sender's path ('' if unbound). */
export function bindUnixDatagram(path: string, onMessage: (data: Buffer, from: string) => void): Promise<UnixDatagramServer> {
  const unix = require('unix-dgram') as UnixDgramModule;
  return new Promise((resolve, reject) => {
    const socket: UnixDgramSocket = unix.createSocket('unix_dgram', (data: Buffer, info?: { path?: string }) =>
      onMessage(data, info?.path ?? ''),
    );
    socket.once('error', reject);
    socket.once('listening', () => {
      socket.removeListener('error', reject);
      // Send failures are reported per datagram; nothing else is fatal once bound.
      socket.on('error', () => {});
      resolve({
        sendTo: (data, to) =>
          new Promise((done) => socket.sendto(data, 0, data.length, to, (error?: Error) => done(!error))),
        close: () => {
          try {
            socket.close();
          } catch {
            // Already closed.
          }
        },
      });
    });
    socket.bind(path);
  });
}
