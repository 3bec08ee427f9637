/** kamctl's documented exit codes. */
export const ExitCode = {
  ok: 0,
  /** The command failed (user exists, not found, RPC fault, reload refused...). */
  error: 1,
  /** Wrong arguments or flags, or a value that does not validate; nothing was written. */
  usage: 2,
  /** The Kamailio control interface did not answer (no socket, refused, timeout). */
  serverUnreachable: 3,
  /** The database refused the connection or a statement. */
  dbError: 4,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** An error kamctl reports on one line with its own exit code. */
export class KamctlError extends Error {
  override name = 'KamctlError';
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue = ExitCode.error,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Bad input: reported before anything is written. */
export class UsageError extends KamctlError {
  override name = 'UsageError';
  constructor(message: string) {
    super(message, ExitCode.usage);
  }
}

/** The database failed; the message says what and where, never with a password. */
export class DbError extends KamctlError {
  override name = 'DbError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, ExitCode.dbError, options);
  }
}
