import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { PROMPT, ReplModel, type ReplDependencies } from '../repl-model.js';
import { CandidateList } from './candidate-list.js';
import { PromptLine } from './prompt-line.js';
import { SearchLine } from './search-line.js';
import { splitKeys } from '../split-keys.js';

export interface KamcmdReplProps extends Omit<ReplDependencies, 'write' | 'writeError' | 'exit'> {
  /** Printed once above the first prompt. */
  banner: string;
  /** Told when the user leaves (quit, exit, Ctrl-D), before Ink unmounts. */
  onExit?: () => void;
}

const RED = '\u001b[31m';
const RESET_COLOR = '\u001b[39m';

/** The interactive shell: output scrolls above, the prompt (or Ctrl-R search) stays below. */
export function KamcmdRepl({ banner, onExit, ...deps }: KamcmdReplProps) {
  const { exit } = useApp();
  const { write, stdout } = useStdout();
  const model = useMemo(
    () =>
      new ReplModel({
        ...deps,
        write,
        writeError: (text) => write(`${RED}${text}${RESET_COLOR}`),
        exit: () => {
          onExit?.();
          exit();
        },
      }),
    // One model for the component's life: its dependencies never change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const view = useSyncExternalStore(model.subscribe, model.getSnapshot);
  useEffect(() => write(banner), [banner, write]);
  useInput((input, key) => {
    for (const one of splitKeys(input, key)) model.handleKey(one.input, one.key);
  });

  return (
    <Box flexDirection="column">
      {view.mode === 'search' ? (
        <SearchLine query={view.search?.query ?? ''} match={view.search?.match} failed={view.search?.failed ?? false} />
      ) : (
        <PromptLine prompt={PROMPT} line={view.line} dim={view.busy} />
      )}
      {view.candidates ? <CandidateList candidates={view.candidates} width={stdout.columns || 80} /> : null}
      {view.notice ? <Text dimColor>{view.notice}</Text> : null}
    </Box>
  );
}
