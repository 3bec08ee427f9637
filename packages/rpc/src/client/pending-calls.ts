import { TimeoutError } from '../errors.js';
import type { RpcReply } from './rpc-client.js';

interface PendingCall {
  method: string;
  resolve(reply: RpcReply): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * Calls in flight on one connection, keyed by what the protocol correlates replies with (BINRPC
 * cookie, JSON-RPC id). Each has its own timeout; a key that timed out is remembered so a late
 * reply to it can be told apart from a reply nobody asked for.
 */
export class PendingCalls<Key> {
  private readonly calls = new Map<Key, PendingCall>();
  private readonly expired = new Set<Key>();

  constructor(
    private readonly target: string,
    private readonly timeoutMs: number,
  ) {}

  get size(): number {
    return this.calls.size;
  }

  /** Known as in flight or timed out: not free for a new call. */
  inUse(key: Key): boolean {
    return this.calls.has(key) || this.expired.has(key);
  }

  has(key: Key): boolean {
    return this.calls.has(key);
  }

  /** Registers a call; the promise settles through `take` or rejects on timeout. */
  add(key: Key, method: string): Promise<RpcReply> {
    const reply = new Promise<RpcReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.calls.delete(key);
        this.expired.add(key);
        reject(new TimeoutError(this.target, this.timeoutMs));
      }, this.timeoutMs);
      this.calls.set(key, { method, resolve, reject, timer });
    });
    // Callers may drop the promise when sending fails; the rejection must not go unhandled.
    reply.catch(() => undefined);
    return reply;
  }

  /** Removes and returns the call for a reply; undefined for late (timed out) or unknown replies. */
  take(key: Key): { call?: PendingCall; late: boolean } {
    const call = this.calls.get(key);
    if (!call) return { late: this.expired.delete(key) };
    this.calls.delete(key);
    clearTimeout(call.timer);
    return { call, late: false };
  }

  /** Forgets a call whose request could not be sent. */
  drop(key: Key): void {
    this.take(key);
  }

  failAll(error: Error): void {
    for (const key of [...this.calls.keys()]) this.take(key).call?.reject(error);
  }

  clearExpired(): void {
    this.expired.clear();
  }
}
