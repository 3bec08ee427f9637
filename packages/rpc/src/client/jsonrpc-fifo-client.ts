import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants as fsConstants, openSync } from 'node:fs';
import { open, unlink } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { TimeoutError } from '../errors.js';
import { toTransportError } from '../links/system-error.js';
import type { RpcParam } from '../params/typed-param.js';
import { buildJsonRpcRequest, interpretJsonRpcResponse, parseJsonReply } from '../jsonrpc/envelope.js';
import { findJsonDocumentEnd } from '../jsonrpc/json-document-end.js';
import { DEFAULT_TIMEOUT_MS, type RpcClient, type RpcReply } from './rpc-client.js';

const run = promisify(execFile);

/** The jsonrpcs default reply directory. */
export const DEFAULT_FIFO_REPLY_DIR = '/tmp/';

/**
 * JSON-RPC over Kamailio's jsonrpcs FIFO. Each call makes its own reply FIFO in the server's reply
 * directory (the request names it by `reply_name`), with a random name that others cannot guess,
 * readable only by us; the server writes one document into it.
 */
export class JsonRpcFifoClient implements RpcClient {
  private readonly timeoutMs: number;
  private readonly replyDir: string;

  constructor(
    readonly target: string,
    private readonly fifoPath: string,
    options: { timeoutMs?: number; fifoReplyDir?: string } = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.replyDir = options.fifoReplyDir ?? DEFAULT_FIFO_REPLY_DIR;
  }

  async call(method: string, ...params: RpcParam[]): Promise<RpcReply> {
    // jsonrpcs refuses reply names containing '.', '/' or '\'.
    const replyName = `kamkit_${process.pid}_${randomBytes(6).toString('hex')}`;
    const replyPath = path.join(this.replyDir, replyName);
    const request = { ...buildJsonRpcRequest(method, params, replyName), reply_name: replyName };
    try {
      // Owner reads; the server (possibly another user) only needs to write.
      await run('mkfifo', ['-m', '0622', replyPath]);
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
      throw toTransportError(stderr ? new Error(stderr) : error, this.target, `creating reply FIFO in ${this.replyDir}`);
    }
    try {
      const reading = this.readReply(replyPath);
      reading.catch(() => undefined);
      await this.writeRequest(`${JSON.stringify(request)}\n`);
      const text = await reading;
      return { result: interpretJsonRpcResponse(parseJsonReply(text), this.target) };
    } finally {
      await unlink(replyPath).catch(() => undefined);
    }
  }

  private async writeRequest(text: string): Promise<void> {
    let handle;
    try {
      // Non-blocking: with no reader (server down) this fails at once with ENXIO instead of hanging.
      handle = await open(this.fifoPath, fsConstants.O_WRONLY | fsConstants.O_NONBLOCK);
      await handle.write(text);
    } catch (error) {
      throw toTransportError(error, this.target, 'writing the request');
    } finally {
      await handle?.close();
    }
  }

  /**
   * Opened read-write so the open never blocks and no EOF arrives before the server writes; the end
   * of the reply is the end of the JSON document.
   */
  private async readReply(replyPath: string): Promise<string> {
    const fd = openSync(replyPath, fsConstants.O_RDWR | fsConstants.O_NONBLOCK);
    const pipe = new net.Socket({ fd, readable: true, writable: false });
    return new Promise<string>((resolve, reject) => {
      let text = '';
      const finish = (error: Error | undefined, value?: string) => {
        clearTimeout(timer);
        pipe.destroy();
        if (error) reject(error);
        else resolve(value!);
      };
      const timer = setTimeout(() => finish(new TimeoutError(this.target, this.timeoutMs)), this.timeoutMs);
      pipe.setEncoding('utf8');
      pipe.on('data', (chunk: string) => {
        text += chunk;
        const end = findJsonDocumentEnd(text);
        if (end >= 0) finish(undefined, text.slice(0, end));
      });
      pipe.on('error', (error) => finish(toTransportError(error, this.target, 'reading the reply')));
    });
  }

  async close(): Promise<void> {
    // Nothing is held between calls.
  }
}
