import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type unixDgram from 'unix-dgram';
import { lazyRequire } from '../lazy-require.js';
import type { Link, LinkHandlers } from './link.js';
import { toTransportError } from './system-error.js';

const loadUnixDgram = lazyRequire<typeof unixDgram>('unix-dgram');

export interface UnixDatagramOptions {
  /** Bind the reply socket exactly here (kamcmd -R). */
  replySocketPath?: string;
  /** Directory for a generated reply socket name (kamcmd -D); default the OS temp directory. */
  replySocketDir?: string;
}

/**
 * A unix datagram socket bound to its own path, so the server can address its replies,
 * and connected to the server's socket. The reply socket file is removed on close.
 */
export function openUnixDatagramLink(
  serverPath: string,
  target: string,
  options: UnixDatagramOptions,
  handlers: LinkHandlers,
): Promise<Link> {
  const replyPath =
    options.replySocketPath ??
    path.join(options.replySocketDir ?? os.tmpdir(), `kamkit_${process.pid}_${randomBytes(4).toString('hex')}`);
  return new Promise((resolve, reject) => {
    const socket = loadUnixDgram().createSocket('unix_dgram', (message) => handlers.onData(message));
    let open = false;
    const removeReplySocket = () => {
      try {
        unlinkSync(replyPath);
      } catch {
        // Already gone.
      }
    };
    const close = () => {
      open = false;
      try {
        socket.close();
      } catch {
        // Closing twice is harmless.
      }
      removeReplySocket();
    };
    socket.on('error', (error: Error) => {
      const wrapped = toTransportError(error, target, open ? undefined : 'connect');
      if (!open) {
        close();
        reject(wrapped);
      } else handlers.onClose(wrapped);
    });
    socket.once('listening', () => socket.connect(serverPath));
    socket.once('connect', () => {
      open = true;
      // A full receive queue on the server side ("congestion") is not a failure: wait until writable.
      const send = (data: Buffer): Promise<void> =>
        new Promise((done, fail) =>
          socket.send(data, (error?: Error) => {
            if (!error) done();
            else if ((error as { code?: unknown }).code === 1) socket.once('writable', () => send(data).then(done, fail));
            else fail(toTransportError(error, target, 'send'));
          }),
        );
      resolve({ send, close });
    });
    socket.bind(replyPath);
  });
}
