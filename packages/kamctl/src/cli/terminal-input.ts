import { askYesNo, promptSecret as promptSecretOnTerminal, PromptInterrupted } from '@kamkit/terminal-prompt';

import { UsageError } from './exit-codes.js';

/** The first line of stdin (without its line end): `--password-stdin`. */
export async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if ((chunk as Buffer).includes(10)) break;
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const end = text.indexOf('\n');
  return (end < 0 ? text : text.slice(0, end)).replace(/\r$/, '');
}

/** Ctrl-C at a prompt is kamctl's usage error "interrupted". */
async function orInterrupted<T>(question: Promise<T>): Promise<T> {
  try {
    return await question;
  } catch (error) {
    if (error instanceof PromptInterrupted) throw new UsageError('interrupted');
    throw error;
  }
}

/** Asks on the terminal without echoing; refuses (usage error) when stdin is not a terminal. */
export async function promptSecret(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new UsageError('no password given and stdin is not a terminal: use --password-stdin or KAMCTL_PASSWORD');
  return orInterrupted(promptSecretOnTerminal(question));
}

/** A yes/no question on the terminal; only y/yes counts. Never asked when stdin is not a terminal. */
export async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  return orInterrupted(askYesNo(question));
}
