// Minimal typing for the parts of unix-dgram (a native unix datagram socket binding) we use.
declare module 'unix-dgram' {
  import { EventEmitter } from 'node:events';
  export interface UnixDgramSocket extends EventEmitter {
    bind(path: string): void;
    connect(path: string): void;
    send(buf: Buffer, callback?: (err?: Error) => void): void;
    sendto(buf: Buffer, offset: number, length: number, path: string, callback?: (err?: Error) => void): void;
    close(): void;
  }
  export function createSocket(type: 'unix_dgram', listener?: (msg: Buffer) => void): UnixDgramSocket;
  const unix: { createSocket: typeof createSocket };
  export default unix;
}
