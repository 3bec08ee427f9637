import os from 'node:os';
import path from 'node:path';

/** Where the history lives: $KAMCMD_HISTORY, else ~/.kamcmd_history. */
export const HISTORY_FILE_ENV = 'KAMCMD_HISTORY';
/** How many entries are kept: $KAMCMD_HISTSIZE, else 1000. */
export const HISTORY_SIZE_ENV = 'KAMCMD_HISTSIZE';
export const DEFAULT_HISTORY_SIZE = 1000;

export function historyFile(env: NodeJS.ProcessEnv): string {
  return env[HISTORY_FILE_ENV] || path.join(env['HOME'] || os.homedir(), '.kamcmd_history');
}

export function historySize(env: NodeJS.ProcessEnv): number {
  const size = Number(env[HISTORY_SIZE_ENV]);
  return Number.isInteger(size) && size > 0 ? size : DEFAULT_HISTORY_SIZE;
}
