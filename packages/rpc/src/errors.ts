import { ProtocolError } from '@kamkit/binrpc';

/**
 * The server answered with a fault. `code` and `message` are the server's own (BINRPC fault packet,
 * JSON-RPC error object or XML-RPC <fault>).
 */
export class RpcFault extends Error {
  override name = 'RpcFault';
  constructor(
    readonly code: number,
    message: string,
    readonly target?: string,
  ) {
    super(message);
  }
}

/** The transport failed: refused, no such socket, permission denied, closed, unreachable. */
export class TransportError extends Error {
  override name = 'TransportError';
  constructor(
    message: string,
    readonly target: string,
    /** The system error code (ENOENT, ECONNREFUSED, EACCES...) when there is one. */
    readonly code?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** No complete reply arrived within the timeout. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
  constructor(
    readonly target: string,
    readonly timeoutMs: number,
  ) {
    super(`no reply within ${timeoutMs} ms`);
  }
}

// The codec's error class is the client's too, so `instanceof ProtocolError` holds for either.
export { ProtocolError };

/** Every error an RpcClient call can reject with. */
export type RpcError = RpcFault | TransportError | TimeoutError | ProtocolError;

/**
 * One line for humans: the target, the error class and what happened.
 * e.g. `unix:/run/kamailio/kamailio_ctl: TransportError: no such socket (ENOENT)`.
 */
export function describeError(error: unknown, target?: string): string {
  if (error instanceof RpcFault) return `${target ?? error.target ?? 'rpc'}: RpcFault: ${error.code} - ${error.message}`;
  if (error instanceof TransportError || error instanceof TimeoutError) {
    return `${error.target}: ${error.name}: ${error.message}`;
  }
  if (error instanceof Error) return `${target ?? 'rpc'}: ${error.name}: ${error.message}`;
  return `${target ?? 'rpc'}: ${String(error)}`;
}
