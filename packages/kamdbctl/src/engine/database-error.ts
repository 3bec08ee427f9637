/**
 * Driver errors turned into one-line KamdbctlErrors with the right exit code. Only the driver's
 * own message and code are used: knex prefixes the statement to its messages and mysql2 keeps the
 * full statement (with bound values, e.g. a password) in `error.sql`; neither is ever shown.
 */
import { KamdbctlError, type ErrorKind } from '../cli/exit-codes.js';

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOENT', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'PROTOCOL_CONNECTION_LOST']);
const MYSQL_KIND: Record<number, ErrorKind> = {
  1044: 'accessDenied', // ER_DBACCESS_DENIED_ERROR
  1045: 'accessDenied', // ER_ACCESS_DENIED_ERROR
  1698: 'accessDenied', // ER_ACCESS_DENIED_NO_PASSWORD_ERROR (unix_socket account, wrong OS user)
  1142: 'accessDenied', // ER_TABLEACCESS_DENIED_ERROR
  1227: 'accessDenied', // ER_SPECIFIC_ACCESS_DENIED_ERROR
  1007: 'exists', // ER_DB_CREATE_EXISTS
  1050: 'exists', // ER_TABLE_EXISTS_ERROR
  1049: 'notFound', // ER_BAD_DB_ERROR
  1146: 'notFound', // ER_NO_SUCH_TABLE
};
const PG_KIND: Record<string, ErrorKind> = {
  '28P01': 'accessDenied', // invalid_password
  '28000': 'accessDenied', // invalid_authorization_specification (pg_hba)
  '42501': 'accessDenied', // insufficient_privilege
  '42P04': 'exists', // duplicate_database
  '42P07': 'exists', // duplicate_table
  '3D000': 'notFound', // invalid_catalog_name
  '42P01': 'notFound', // undefined_table
  '57P03': 'unreachable', // cannot_connect_now
};

interface DriverError {
  code?: unknown;
  errno?: unknown;
  sqlMessage?: unknown;
  message?: unknown;
}

/** The driver's message without the statement knex puts in front of it. */
export function driverMessage(error: unknown): string {
  const e = (error ?? {}) as DriverError;
  if (typeof e.sqlMessage === 'string') return e.sqlMessage;
  let message = typeof e.message === 'string' ? e.message : String(error);
  // knex: "<sql> - <driver message>"; the SQL never contains " - " followed by a driver message start.
  const cut = message.lastIndexOf(' - ');
  if (cut >= 0 && /^(create|drop|grant|revoke|select|insert|delete|update|alter|set|do|with|show|use|begin|commit)\b/i.test(message)) {
    message = message.slice(cut + 3);
  }
  return message.split('\n')[0]!.trim();
}

export function errorKind(error: unknown): ErrorKind {
  const e = (error ?? {}) as DriverError;
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (code && UNREACHABLE.has(code)) return 'unreachable';
  if (typeof e.errno === 'number' && MYSQL_KIND[e.errno]) return MYSQL_KIND[e.errno]!;
  if (code && PG_KIND[code]) return PG_KIND[code]!;
  const message = driverMessage(error);
  if (/timeout|timed out|connect ECONNREFUSED|getaddrinfo/i.test(message)) return 'unreachable';
  return 'failed';
}

/** `what` says which step and where, e.g. "creating database kamailio on mysql://root@localhost". */
export function databaseError(error: unknown, what: string): KamdbctlError {
  if (error instanceof KamdbctlError) return error;
  const kind = errorKind(error);
  const e = (error ?? {}) as DriverError;
  const code = typeof e.code === 'string' ? ` [${e.code}]` : '';
  const hint =
    kind === 'unreachable'
      ? ' (is the server running? check DBHOST/DBPORT)'
      : kind === 'accessDenied'
        ? ' (check DBROOTUSER and DBROOTPW)'
        : '';
  return new KamdbctlError(kind === 'ok' ? 'failed' : kind, `${what}: ${driverMessage(error)}${code}${hint}`, { cause: error });
}
