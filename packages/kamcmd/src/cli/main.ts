import { parseTarget, TargetSyntaxError } from '@kamkit/rpc';
import { runBatch } from '../batch/run-batch.js';
import type { CliIo } from '../io/cli-io.js';
import { EXIT_OK, EXIT_USAGE } from '../io/exit-status.js';
import { parseOptions } from '../options/parse-options.js';
import { runOneShot } from '../oneshot/run-oneshot.js';
import { UsageError } from '../options/usage-error.js';
import { usageText, versionText } from './usage-text.js';

/**
 * kamcmd's entry point, free of process globals: picks one-shot, batch or REPL mode and resolves to
 * the exit status. The REPL (Ink, React) is loaded only when chosen; one-shot and batch share
 * nearly all their code and come with this module.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseOptions(argv, io.env);
    if (parsed.action === 'run') parseTarget(parsed.options.target);
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof TargetSyntaxError)) throw error;
    io.stderr.write(`${io.program}: ${error.message} (${io.program} -h shows the options)\n`);
    return EXIT_USAGE;
  }
  if (parsed.action === 'help') {
    io.stdout.write(usageText(io.program));
    return EXIT_OK;
  }
  if (parsed.action === 'version') {
    io.stdout.write(versionText(io.program));
    return EXIT_OK;
  }
  const { options } = parsed;
  if (options.command.length > 0) return runOneShot(options, io);
  if (io.stdin.isTTY) {
    // Ink draws nothing until exit when $CI is set (it reads it once, on load); a terminal on
    // stdin means a person is typing, CI or not.
    delete process.env['CI'];
    delete process.env['CONTINUOUS_INTEGRATION'];
    return (await import('../repl/start-repl.js')).startRepl(options, io);
  }
  return runBatch(options, io);
}
