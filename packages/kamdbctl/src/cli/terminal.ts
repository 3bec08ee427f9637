/**
 * Questions on the terminal. Nothing is ever read from a stdin that is not a terminal: unattended
 * runs get the configured answer (or --yes) and never hang or misread piped input.
 */
import { askYesNo as askOnTerminal, promptSecret as promptSecretOnTerminal, PromptInterrupted } from '@kamkit/terminal-prompt';

import { KamdbctlError } from './exit-codes.js';

export const isInteractive = (): boolean => Boolean(process.stdin.isTTY && process.stderr.isTTY);

/** Ctrl-C at a prompt confirms nothing. */
async function orNotConfirmed<T>(question: Promise<T>): Promise<T> {
  try {
    return await question;
  } catch (error) {
    if (error instanceof PromptInterrupted) throw new KamdbctlError('notConfirmed', 'interrupted');
    throw error;
  }
}

export async function askYesNo(question: string): Promise<boolean> {
  return orNotConfirmed(askOnTerminal(question));
}

/** Reads a secret without echo. Only called on a terminal. */
export async function promptSecret(question: string): Promise<string> {
  return orNotConfirmed(promptSecretOnTerminal(question));
}
