import type { RpcClient } from '@kamkit/rpc';

import { callRpc, RpcCallError, ServerUnreachableError } from './rpc-session.js';

/** The tables Kamailio caches in memory, and the RPC that re-reads each one. */
export const RELOAD_METHODS = {
  dispatcher: 'dispatcher.reload',
  address: 'permissions.addressReload',
  trusted: 'permissions.trustedReload',
  domain: 'domain.reload',
} as const;
export type CachedTable = keyof typeof RELOAD_METHODS;

export type ReloadOutcome =
  | { status: 'reloaded'; method: string; result: unknown; waitedMs: number }
  | { status: 'unreachable'; method: string; message: string; error: ServerUnreachableError }
  | { status: 'not-loaded'; method: string; message: string }
  | { status: 'failed'; method: string; message: string };

export interface ReloadOptions {
  /** How long to keep retrying while the module refuses with "ongoing reload" (reload_delta, 5 s by default). */
  throttleWaitMs?: number;
  retryEveryMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const sleepMs = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
// dispatcher says "Ongoing reload", permissions "ongoing reload": a reload within reload_delta seconds.
const THROTTLED = /ongoing reload/i;
const NO_SUCH_METHOD = /command .* not found|method not found/i;

/**
 * Asks the server to re-read a table after a DB change. Waits out the modules' reload throttling
 * (a second reload within 5 s is refused) instead of reporting it as a failure.
 */
export async function reloadCache(client: RpcClient, table: CachedTable, options: ReloadOptions = {}): Promise<ReloadOutcome> {
  const method = RELOAD_METHODS[table];
  const { throttleWaitMs = 7000, retryEveryMs = 500, sleep = sleepMs } = options;
  let waitedMs = 0;
  for (;;) {
    try {
      const result = await callRpc(client, method, []);
      return { status: 'reloaded', method, result, waitedMs };
    } catch (error) {
      if (error instanceof ServerUnreachableError) // Not enumerable: the outcome is printed with --json, the error object is for rethrowing.
        return Object.defineProperty({ status: 'unreachable', method, message: error.message } as ReloadOutcome, 'error', { value: error, enumerable: false });
      if (!(error instanceof RpcCallError)) throw error;
      if (NO_SUCH_METHOD.test(error.fault.message)) return { status: 'not-loaded', method, message: error.message };
      if (!THROTTLED.test(error.fault.message) || waitedMs >= throttleWaitMs) {
        return { status: 'failed', method, message: error.message };
      }
      await sleep(retryEveryMs);
      waitedMs += retryEveryMs;
    }
  }
}

/** One line for humans about what happened to the cache. */
export function describeReload(outcome: ReloadOutcome, command: string): string {
  switch (outcome.status) {
    case 'reloaded':
      return `reloaded: ${outcome.method}${outcome.waitedMs ? ` (after waiting ${outcome.waitedMs} ms for the reload throttle)` : ''}`;
    case 'unreachable':
      return `database updated; server not reachable, cache not reloaded (${outcome.message}); run '${command}' later`;
    case 'not-loaded':
      return `database updated; the server has no ${outcome.method} (module not loaded), nothing to reload`;
    case 'failed':
      return `database updated but the reload failed: ${outcome.message}; run '${command}'`;
  }
}
