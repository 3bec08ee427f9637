import { runCommand, type CommandOutcome } from '../commands/run-command.js';
import { KamcmdSession } from '../commands/kamcmd-session.js';
import { resolveCommand } from '../commands/resolve-command.js';
import { splitWords } from '../commands/split-words.js';
import type { CliIo } from '../io/cli-io.js';
import { EXIT_OK, EXIT_TRANSPORT, worstStatus } from '../io/exit-status.js';
import type { KamcmdOptions } from '../options/kamcmd-options.js';
import { readLines } from './read-lines.js';

/**
 * Requests in flight at once. BINRPC stream servers answer pipelined requests in order; datagram
 * transports match replies by cookie or id. Enough to hide the round trip, small enough that a
 * burst never fills the server's receive queue.
 */
export const PIPELINE_DEPTH = 32;

/** Output is gathered and written in chunks of about this size (one write per reply is slow). */
const FLUSH_BYTES = 64 * 1024;

/**
 * Non-interactive stdin: one command per line, no prompt, each reply printed in input order.
 * Commands are pipelined on the one connection. A transport failure or timeout stops the run
 * (the rest would fail the same way); faults do not. Resolves to the worst exit status seen.
 */
export async function runBatch(options: KamcmdOptions, io: CliIo): Promise<number> {
  const session = new KamcmdSession(options, { pipelined: true });
  const inFlight: Promise<CommandOutcome>[] = [];
  let status = EXIT_OK;
  let stopped = false;
  let stdout = '';

  const flushStdout = () => {
    if (stdout) io.stdout.write(stdout);
    stdout = '';
  };
  /** Prints the oldest command's outcome once it has one. */
  const settleOldest = async () => {
    const outcome = await inFlight.shift()!;
    if (stopped) return;
    stdout += outcome.stdout;
    if (outcome.stderr) {
      // Keep stdout and stderr in the order a reader of both expects.
      flushStdout();
      io.stderr.write(outcome.stderr);
    } else if (stdout.length >= FLUSH_BYTES) {
      flushStdout();
    }
    status = worstStatus(status, outcome.status);
    if (outcome.quit || outcome.status === EXIT_TRANSPORT) stopped = true;
  };

  try {
    for await (const line of readLines(io.stdin)) {
      const words = splitWords(line);
      if (words.length === 0) continue;
      inFlight.push(runCommand(session, words));
      while (!stopped && inFlight.length >= PIPELINE_DEPTH) await settleOldest();
      // quit must not let later lines run: wait for it (and everything before it) right away.
      if (!stopped && resolveCommand(words).kind === 'quit') while (inFlight.length > 0 && !stopped) await settleOldest();
      if (stopped) break;
    }
    while (inFlight.length > 0 && !stopped) await settleOldest();
    flushStdout();
  } finally {
    // Requests still in flight after a stop end with the connection; their outcomes are dropped.
    await session.close();
    await Promise.allSettled(inFlight);
  }
  return status;
}
