import { render } from 'ink';
import { runCommand } from '../commands/run-command.js';
import { KamcmdSession } from '../commands/kamcmd-session.js';
import { CompletionLists } from '../completion/completion-lists.js';
import { historyFile, historySize } from '../history/history-location.js';
import { HistoryStore } from '../history/history-store.js';
import type { CliIo } from '../io/cli-io.js';
import { EXIT_OK } from '../io/exit-status.js';
import type { KamcmdOptions } from '../options/kamcmd-options.js';
import { KAMCMD_VERSION } from '../cli/usage-text.js';
import { KamcmdRepl } from './components/kamcmd-repl.js';

/** Interactive mode (stdin is a terminal): the Ink REPL over one session until quit or Ctrl-D. */
export async function startRepl(options: KamcmdOptions, io: CliIo): Promise<number> {
  const session = new KamcmdSession(options);
  const history = new HistoryStore(historyFile(io.env), historySize(io.env));
  const banner =
    `${io.program} ${KAMCMD_VERSION} (kamkit), talking to ${options.target}\n` +
    `Tab completes (twice lists), Up/Down and Ctrl-R search the history, "help" lists the commands, "quit" exits.\n`;
  const app = render(
    <KamcmdRepl banner={banner} run={(words) => runCommand(session, words)} history={history} completion={new CompletionLists(session)} />,
    { stdin: io.stdin as NodeJS.ReadStream, stdout: io.stdout as NodeJS.WriteStream, exitOnCtrlC: false },
  );
  try {
    await app.waitUntilExit();
  } finally {
    await session.close();
  }
  return EXIT_OK;
}
