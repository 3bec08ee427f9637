import { TransportError } from '../errors.js';

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
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = (code && REASONS[code]) ?? (error instanceof Error ? error.message : String(error));
  const text = `${action ? `${action}: ` : ''}${reason}${code ? ` (${code})` : ''}`;
  return new TransportError(text, target, code, { cause: error });
}
