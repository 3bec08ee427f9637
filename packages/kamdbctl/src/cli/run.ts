import { flush, run } from '@oclif/core';

import { exitCodeOf, printError } from './kamdbctl-command.js';

/**
 * Runs one kamdbctl invocation and exits with the documented code. Errors before a command runs
 * (unknown command, bad flags) are reported here; commands report their own in `catch`.
 */
export async function runKamdbctl(argv: string[], binUrl: string): Promise<void> {
  try {
    await run(argv, binUrl);
  } catch (error) {
    const err = error as Error & { oclif?: { exit?: number } };
    if (err.oclif?.exit !== 0) {
      printError(err, argv.includes('--json'));
      process.exitCode = exitCodeOf(err);
    }
  }
  await flush();
  process.exit(process.exitCode ?? 0);
}
