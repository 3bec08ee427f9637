/** The command line is wrong: printed as one line on stderr, exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
