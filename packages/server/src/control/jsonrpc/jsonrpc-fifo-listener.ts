import { execFile } from 'node:child_process';
import { constants, openSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import net from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import { promisify } from 'node:util';
import { applyFileAccess, type FileAccess } from '../socket-access.js';
import { SerialQueue } from '../serial-queue.js';
import { FifoFramer } from './fifo-framer.js';
import type { JsonRpcRequestProcessor } from './jsonrpc-request-processor.js';
import { replyFifoPath, writeReplyFifo } from './reply-fifo.js';

const execFileAsync = promisify(execFile);

export interface JsonRpcFifoOptions {
  /** The server FIFO (jsonrpcs fifo_name). */
  path: string;
  /** Directory of the clients' reply FIFOs, ending with `/` (fifo_reply_dir). */
  replyDir: string;
  access: FileAccess;
  /** Reports requests that could not be answered (bad reply_name, missing FIFO...). */
  onError?: (error: Error) => void;
}

/**
 * The jsonrpcs FIFO transport: one FIFO that clients write requests into, answered one at a time
 * into a reply FIFO the client created inside the reply directory. We hold the FIFO open read-write
 * ourselves, as Kamailio does, so it never reports end-of-file between clients.
 */
export class JsonRpcFifoListener {
  private socket: net.Socket | undefined;
  private readonly queue = new SerialQueue();
  private readonly framer = new FifoFramer();

  constructor(
    private readonly processor: JsonRpcRequestProcessor,
    readonly options: JsonRpcFifoOptions,
  ) {
    if (!options.replyDir.endsWith('/')) throw new Error(`the FIFO reply directory must end with "/": ${options.replyDir}`);
  }

  async start(): Promise<void> {
    const { path } = this.options;
    await unlink(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    // Node cannot make a FIFO itself; mkfifo(1) is in coreutils.
    await execFileAsync('mkfifo', ['-m', '600', path]);
    await applyFileAccess(path, this.options.access);
    const fd = openSync(path, constants.O_RDWR | constants.O_NONBLOCK);
    const decoder = new StringDecoder('utf8');
    this.socket = new net.Socket({ fd, readable: true, writable: false });
    this.socket.on('data', (chunk: Buffer) => this.framer.push(decoder.write(chunk), (request) => this.enqueue(request)));
  }

  private enqueue(request: string): void {
    void this.queue.run(async () => {
      try {
        const answer = await this.processor.process(request, 'fifo');
        if (!answer?.replyName) return;
        await writeReplyFifo(replyFifoPath(this.options.replyDir, answer.replyName), answer.text);
      } catch (error) {
        this.options.onError?.(error as Error);
      }
    });
  }

  async close(): Promise<void> {
    this.socket?.destroy();
    await unlink(this.options.path).catch(() => undefined);
  }
}
