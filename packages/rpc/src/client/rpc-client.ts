import type { BinrpcValue } from '@kamkit/binrpc';
import type { RpcParam } from '../params/typed-param.js';

/** A successful reply. */
export interface RpcReply {
  /**
   * The reply as plain JS values, shaped the way JSON-RPC shows it: structs are objects, a struct
   * whose member names repeat is an array of one-member objects, arrays are arrays. No value is `{}`;
   * several top-level values (BINRPC) are an array.
   */
  result: unknown;
  /** BINRPC only: the raw record tree, for exact kamcmd-style printing. */
  records?: BinrpcValue[];
}

export interface RpcClient {
  /** The target URI this client talks to, for messages. */
  readonly target: string;
  call(method: string, ...params: RpcParam[]): Promise<RpcReply>;
  close(): Promise<void>;
}

export interface ClientOptions {
  /** Per-call timeout in milliseconds (default 5000). */
  timeoutMs?: number;
  /**
   * BINRPC over unix/tcp: busy-poll this many microseconds for a reply before sleeping (default 0).
   * Trades a little CPU for much lower latency in sequential CLI use; not for servers.
   */
  spinMicros?: number;
  /** Largest reply accepted, in bytes (default 64 MiB). */
  maxReplySize?: number;
  /** Datagram transports: bind the local reply socket exactly here (kamcmd -R). */
  replySocketPath?: string;
  /** Datagram transports: create the local reply socket in this directory (kamcmd -D, default os.tmpdir()). */
  replySocketDir?: string;
  /** FIFO transport: the server's reply directory (jsonrpcs fifo_reply_dir, default /tmp/). */
  fifoReplyDir?: string;
}

export const DEFAULT_TIMEOUT_MS = 5000;
