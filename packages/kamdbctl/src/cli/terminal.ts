/**
 * Questions on the terminal. Nothing is ever read from a stdin that is not a terminal: unattended
 * runs get the configured answer (or --yes) and never hang or misread piped input.
 */
import { createInterface } from 'node:readline';

import { KamdbctlError } from './exit-codes.js';

export const isInteractive = (): boolean => Boolean(process.stdin.isTTY && process.stderr.isTTY);

/** Only an exact `y` or `yes` (any case) is a yes; "maybe" is not. */
export function isYes(answer: string): boolean {
  return /^(y|yes)$/i.test(answer.trim());
}

export async function askYesNo(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return isYes(await new Promise<string>((resolve) => rl.question(`${question} [y/N] `, resolve)));
  } finally {
    rl.close();
  }
}

/** Reads a secret without echo. Only called on a terminal. */
export async function promptSecret(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  let value = '';
  try {
    for await (const chunk of stdin) {
      for (const ch of (chunk as Buffer).toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return value;
        if (ch === '\u0003') throw new KamdbctlError('notConfirmed', 'interrupted');
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    }
    return value;
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    process.stderr.write('\n');
  }
}
