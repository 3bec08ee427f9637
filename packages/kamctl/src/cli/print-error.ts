import { formatJsonError } from '@kamkit/rpc/json-printer';

import { KamctlError } from './exit-codes.js';

/**
 * An error that needs no RPC client to describe it: one line on stderr, or with --json one
 * `{"error": ...}` document on stdout.
 */
export function printPlainError(error: Error, json: boolean): void {
  if (json) {
    const e = error as Error & { code?: unknown; target?: unknown };
    process.stdout.write(
      formatJsonError({
        name: error.name === 'Error' && 'oclif' in error ? 'UsageError' : error.name,
        message: error.message,
        code: typeof e.code === 'number' || typeof e.code === 'string' ? e.code : undefined,
        target: typeof e.target === 'string' ? e.target : undefined,
      }),
    );
    return;
  }
  process.stderr.write(`kamctl: ${error.message}\n`);
}

/** Any error, described by the RPC client when it is one of the client's. */
export async function printError(error: Error, json: boolean): Promise<void> {
  if (json || error instanceof KamctlError) {
    printPlainError(error, json);
    return;
  }
  const { describeError, RpcFault, TimeoutError, TransportError } = await import('@kamkit/rpc');
  const rpcError = error instanceof RpcFault || error instanceof TransportError || error instanceof TimeoutError;
  process.stderr.write(`kamctl: ${rpcError ? describeError(error) : error.message}\n`);
}
