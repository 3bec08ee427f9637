import { constants } from 'node:os';
import { TransportError } from '../errors.js';

/** Native bindings (unix-dgram) report a negative errno number; Node's own errors carry its name. */
function errnoName(code: unknown): string | undefined {
  if (typeof code === 'string') return code;
  if (typeof code !== 'number' || code >= 0) return undefined;
  return Object.entries(constants.errno).find(([, value]) => value === -code)?.[0];
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such socket or file',
  ECONNREFUSED: 'connection refused',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection closed by the server',
  ENOTSOCK: 'not a socket',
  ENXIO: 'nobody is reading the FIFO (server not running?)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EADDRINUSE: 'address already in use',
  EPROTOTYPE: 'wrong socket type (stream vs datagram?)',
};

/** Turns a Node system error into a TransportError naming the target and the reason. */
export function toTransportError(error: unknown, target: string, action?: string): TransportError {
  if (error instanceof TransportError) return error;
  const code = errnoName((error as { code?: unknown } | undefined)?.code);
  const reason = (code && REASONS[code]) ?? (error instanceof Error ? error.message : String(error));
  const text = `${action ? `${action}: ` : ''}${reason}${code ? ` (${code})` : ''}`;
  return new TransportError(text, target, code, { cause: error });
}
