/** kamdbctl's documented exit codes (README, "Exit codes"). */
export const ExitCode = {
  ok: 0,
  /** A statement or file operation failed; what this run had made was removed again. */
  failed: 1,
  /** Bad arguments, flags or settings (unknown group, DBENGINE, not possible on this engine...); nothing was done. */
  usage: 2,
  /** The database server could not be reached (refused, no socket, unknown host, timeout). */
  unreachable: 3,
  /** The server refused the credentials or a privilege. */
  accessDenied: 4,
  /** Something that must not exist does: the database, tables of a group, the backup file. */
  exists: 5,
  /** A destructive command was not confirmed (answered no, or no terminal and no --yes). */
  notConfirmed: 6,
  /** The database (or the version table, or the backup file) does not exist. */
  notFound: 7,
  /** status/upgrade: the schema in the database differs from the XML definitions. */
  schemaDiffers: 8,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export type ErrorKind = keyof typeof ExitCode;

/** An error reported on one line, with its exit code. Messages never contain passwords. */
export class KamdbctlError extends Error {
  override name = 'KamdbctlError';
  readonly exitCode: ExitCodeValue;
  constructor(
    readonly kind: Exclude<ErrorKind, 'ok'>,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.exitCode = ExitCode[kind];
  }
}

export const usageError = (message: string) => new KamdbctlError('usage', message);
