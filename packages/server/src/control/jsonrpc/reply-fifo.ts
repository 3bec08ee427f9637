import { constants, fstat, lstat, open, close } from 'node:fs';
import net from 'node:net';
import { promisify } from 'node:util';

const openAsync = promisify(open);
const fstatAsync = promisify(fstat);
const lstatAsync = promisify(lstat);
const closeAsync = promisify(close);

/** jsonrpcs' limit on reply_name and on the whole reply path. */
const NAME_MAX = 128;
const RETRIES = 4;
const RETRY_DELAY_MS = 80;

export class ReplyFifoError extends Error {
  override name = 'ReplyFifoError';
}

/**
 * The reply FIFO path for a request's reply_name, or an error: it must be a bare name (no `.`, `/`
 * or `\`, so nothing outside the reply directory can be named), shorter than 128 characters, and so
 * must the directory + name.
 */
export function replyFifoPath(replyDir: string, replyName: string): string {
  if (replyName === '' || /[./\\]/.test(replyName)) throw new ReplyFifoError(`invalid reply_name "${replyName}"`);
  if (replyName.length >= NAME_MAX || replyDir.length + replyName.length >= NAME_MAX) {
    throw new ReplyFifoError(`reply_name "${replyName}" too long`);
  }
  return `${replyDir}${replyName}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes a reply into the client's FIFO the careful way (§4.7): open write-only without blocking and
 * without following a symlink, retry while nobody reads it yet (~320 ms in all), then accept the file
 * only if it is a FIFO with one link, not a symlink, and lstat and fstat agree on device and inode
 * (so it was not swapped between the checks). Closing it gives the reader its EOF.
 */
export async function writeReplyFifo(path: string, text: string): Promise<void> {
  let fd: number | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      fd = await openAsync(path, constants.O_WRONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENXIO' && attempt < RETRIES) {
        await sleep(RETRY_DELAY_MS);
        continue;
      }
      if (code === 'ELOOP') throw new ReplyFifoError(`reply FIFO ${path} is a symbolic link`);
      throw new ReplyFifoError(`cannot open reply FIFO ${path}: ${code ?? (error as Error).message}`);
    }
  }
  try {
    const [byFd, byPath] = await Promise.all([fstatAsync(fd), lstatAsync(path)]);
    if (!byFd.isFIFO()) throw new ReplyFifoError(`${path} is not a FIFO`);
    if (byPath.isSymbolicLink()) throw new ReplyFifoError(`reply FIFO ${path} is a symbolic link`);
    if (byFd.nlink !== 1) throw new ReplyFifoError(`reply FIFO ${path} has ${byFd.nlink} links`);
    if (byFd.dev !== byPath.dev || byFd.ino !== byPath.ino) throw new ReplyFifoError(`reply FIFO ${path} changed while opening it`);
  } catch (error) {
    await closeAsync(fd);
    throw error;
  }
  // A socket over the descriptor writes the whole reply even when it exceeds the pipe's buffer.
  const socket = new net.Socket({ fd, readable: false, writable: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.end(text, () => resolve());
  });
  socket.destroy();
}
