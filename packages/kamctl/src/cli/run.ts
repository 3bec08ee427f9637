import { fileURLToPath } from 'node:url';

import { flush, run } from '@oclif/core';

import { ensureCommandManifest } from './command-manifest.js';
import { exitCodeOf } from './kamctl-command.js';
import { printError } from './print-error.js';

/**
 * Runs one kamctl invocation and exits with the documented code. Errors raised before a command
 * runs (unknown command) are reported here; a command reports its own errors in `catch`.
 */
export async function runKamctl(argv: string[], binUrl: string): Promise<void> {
  try {
    await ensureCommandManifest(fileURLToPath(new URL('..', binUrl)));
    await run(argv, binUrl);
  } catch (error) {
    const err = error as Error & { oclif?: { exit?: number } };
    if (err.oclif?.exit === 0) {
      // --help / --version end this way.
    } else {
      await printError(err, argv.includes('--json'));
      process.exitCode = exitCodeOf(err);
    }
  }
  await flush();
  // Let a large output (export) reach a slow reader before exiting.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  // Nothing is left to wait for: exit now rather than on the last open handle.
  process.exit(process.exitCode ?? 0);
}
