import { runCommand } from '../commands/run-command.js';
import { KamcmdSession } from '../commands/kamcmd-session.js';
import type { CliIo } from '../io/cli-io.js';
import type { KamcmdOptions } from '../options/kamcmd-options.js';

/** `kamcmd METHOD ARGS...`: one command, printed as kamcmd prints it; resolves to the exit status. */
export async function runOneShot(options: KamcmdOptions, io: CliIo): Promise<number> {
  const session = new KamcmdSession(options);
  try {
    const outcome = await runCommand(session, options.command);
    if (outcome.stdout) io.stdout.write(outcome.stdout);
    if (outcome.stderr) io.stderr.write(outcome.stderr);
    return outcome.status;
  } finally {
    await session.close();
  }
}
