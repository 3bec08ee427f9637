/**
 * Where kamctl and kamdbctl look for kamctlrc files, in the order they read them (a later file
 * overrides an earlier one):
 *   1. `kamctlrc` next to the running program (after resolving symlinks);
 *   2. `/etc/kamailio/kamctlrc`, then `/usr/local/etc/kamailio/kamctlrc` (upstream; the Debian
 *      package reads `/etc/kamailio/kamctlrc` twice instead, which is the same when the second
 *      file does not exist);
 *   3. `~/.kamctlrc`;
 *   4. kamctl only, when `KAMCTL_TEST` is set: `./kamctlrc` (kamdbctl never reads it).
 */
import { realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import type { KamctlrcTool } from '../variables/known-variables.js';

export const SYSTEM_KAMCTLRC_FILES: readonly string[] = ['/etc/kamailio/kamctlrc', '/usr/local/etc/kamailio/kamctlrc'];

export interface SearchPathOptions {
  readonly tool: KamctlrcTool;
  /** The running program (default `process.argv[1]`); its directory is searched first. */
  readonly scriptPath?: string | undefined;
  readonly home?: string | undefined;
  readonly cwd?: string | undefined;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly systemFiles?: readonly string[];
}

export function kamctlrcSearchPath(options: SearchPathOptions): string[] {
  const files: string[] = [];
  const script = options.scriptPath ?? process.argv[1];
  if (script) files.push(join(dirname(realpathOr(script)), 'kamctlrc'));
  files.push(...(options.systemFiles ?? SYSTEM_KAMCTLRC_FILES));
  if (options.home) files.push(join(options.home, '.kamctlrc'));
  const env = options.env ?? process.env;
  if (options.tool === 'kamctl' && env['KAMCTL_TEST']) files.push(resolve(options.cwd ?? process.cwd(), 'kamctlrc'));
  return files;
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}
