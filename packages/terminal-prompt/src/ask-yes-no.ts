import { createInterface } from 'node:readline';

import { PromptInterrupted } from './prompt-secret.js';
import { TERMINAL, type PromptStreams } from './prompt-streams.js';

/** Only an exact `y` or `yes` (any case, surrounding blanks aside) is a yes; "maybe" is not. */
export function isYes(answer: string): boolean {
  return /^(y|yes)$/i.test(answer.trim());
}

/**
 * Asks `question [y/N]` and reads one line: only a yes (isYes) is true; the end of the input is a
 * no; Ctrl-C throws PromptInterrupted (readline would otherwise just pause and leave it hanging).
 */
export async function askYesNo(question: string, streams: PromptStreams = TERMINAL): Promise<boolean> {
  const rl = createInterface({ input: streams.input, output: streams.output });
  try {
    const answer = await new Promise<string>((resolve, reject) => {
      rl.once('SIGINT', () => {
        streams.output.write('\n');
        reject(new PromptInterrupted());
      });
      rl.once('close', () => resolve(''));
      rl.question(`${question} [y/N] `, resolve);
    });
    return isYes(answer);
  } finally {
    rl.close();
  }
}
