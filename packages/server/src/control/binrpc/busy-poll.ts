import { readSync } from 'node:fs';
import type net from 'node:net';

const pollBuffer = Buffer.allocUnsafe(64 * 1024);

/** Replies after a poll that found nothing during which the connection is not polled again. */
const BACKOFF_REPLIES = 32;

/** The descriptor behind a connected socket (libuv keeps it non-blocking), when there is one. */
function socketDescriptor(socket: net.Socket): number | undefined {
  const fd = (socket as unknown as { _handle?: { fd?: number } })._handle?.fd;
  return typeof fd === 'number' && fd >= 0 ? fd : undefined;
}

/**
 * After a reply, waits for the client's next request by polling the descriptor without sleeping.
 * A process sleeping in epoll takes tens of microseconds to wake on a virtual machine, more than the
 * work of a whole request; a client sending its calls back to back (a kamcmd script, kamctl, a
 * provisioning loop) sends the next one well inside the window. When a window passes with nothing
 * (an interactive client, or a busy machine where the client did not get a CPU) the connection is
 * left to the event loop for the next BACKOFF_REPLIES replies, so spinning never becomes the norm.
 * What is read goes to `onData` as a 'data' event would; an error or the end of the stream is left
 * to the event loop, which watches the same descriptor.
 */
export class NextRequestPoller {
  private skip = 0;

  constructor(
    private readonly socket: net.Socket,
    private readonly windowMicros: number,
    private readonly onData: (chunk: Buffer) => void,
  ) {}

  /** Polls once, if the reply has left and polling pays off lately. */
  afterReply(): void {
    if (this.windowMicros <= 0 || this.socket.writableLength > 0) return;
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    const fd = socketDescriptor(this.socket);
    if (fd === undefined) return;
    const chunk = pollDescriptor(fd, this.windowMicros);
    if (chunk === 'nothing') this.skip = BACKOFF_REPLIES;
    else if (chunk !== 'closed') this.onData(chunk);
  }
}

function pollDescriptor(fd: number, windowMicros: number): Buffer | 'nothing' | 'closed' {
  const deadline = process.hrtime.bigint() + BigInt(Math.round(windowMicros * 1000));
  // EAGAIN comes back as an exception on every empty read: without stack traces it is cheap.
  const stackLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    for (;;) {
      try {
        const count = readSync(fd, pollBuffer, 0, pollBuffer.length, null);
        return count === 0 ? 'closed' : Buffer.from(pollBuffer.subarray(0, count));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return 'closed';
        if (process.hrtime.bigint() >= deadline) return 'nothing';
      }
    }
  } finally {
    Error.stackTraceLimit = stackLimit;
  }
}
