/**
 * The effective kamctlrc variables of one tool run, and where each value came from.
 *
 * Files are read in search order (or only `configFile`), their assignments evaluated in order:
 * `$NAME` sees what earlier assignments (in any file) set, else the environment. Then, for every
 * variable: a non-empty environment value wins over the files (so one value can be changed for a
 * single run, e.g. in CI), a file value wins over the default, and an empty value counts as unset
 * where a default exists (kamdbctl's `${X:-default}`).
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';

import { expandWord } from '../expand/expand-word.js';
import { parseKamctlrc } from '../parse/parse-rc-file.js';
import type { RcWarning } from '../parse/shell-word.js';
import { kamctlrcSearchPath } from '../search/rc-search-path.js';
import { isSecretVariable, knownVariableNames, maskSecret, type KamctlrcTool } from '../variables/known-variables.js';

export type ValueSource =
  | { readonly kind: 'default' }
  | { readonly kind: 'file'; readonly file: string; readonly line: number }
  | { readonly kind: 'env' };

export interface KamctlrcOptions {
  readonly tool: KamctlrcTool;
  /** Read only this file instead of searching (`--config`); it must exist. */
  readonly configFile?: string | undefined;
  /** Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Default `$HOME` from `env`, else the user's home directory. */
  readonly home?: string | undefined;
  /** Default `process.argv[1]`. */
  readonly scriptPath?: string | undefined;
  readonly cwd?: string | undefined;
  /** Default `SYSTEM_KAMCTLRC_FILES`. */
  readonly systemFiles?: readonly string[];
  /** The tool's built-in values for variables left unset. */
  readonly defaults?: Readonly<Record<string, string>>;
  /** More variable names the environment may set (beyond the known kamctlrc variables). */
  readonly variables?: readonly string[];
}

export interface EffectiveVariable {
  readonly name: string;
  /** Masked when the variable is a secret. */
  readonly shown: string | undefined;
  readonly secret: boolean;
  readonly source: ValueSource | undefined;
}

export interface Kamctlrc {
  /** Files that were read, in order. */
  readonly files: readonly string[];
  /** Every file looked for, in order (read or not). */
  readonly searched: readonly string[];
  readonly warnings: readonly RcWarning[];
  /** Effective values (secrets included: never print this object as such). */
  readonly values: Readonly<Record<string, string>>;
  readonly sources: Readonly<Record<string, ValueSource>>;
  get(name: string): string | undefined;
  /** Every known or assigned variable, sorted by name, secrets masked: for `config` listings. */
  describe(): EffectiveVariable[];
}

export class KamctlrcError extends Error {
  override name = 'KamctlrcError';
}

interface Assigned {
  value: string;
  file: string;
  line: number;
}

export function loadKamctlrc(options: KamctlrcOptions): Kamctlrc {
  const env = options.env ?? process.env;
  const home = options.home ?? env['HOME'] ?? homedir();
  const cwd = options.cwd ?? process.cwd();
  let searched: string[];
  if (options.configFile !== undefined) {
    const file = resolve(cwd, options.configFile);
    if (!isFile(file)) throw new KamctlrcError(`config file ${file} does not exist or is not a file`);
    searched = [file];
  } else {
    searched = kamctlrcSearchPath({ tool: options.tool, scriptPath: options.scriptPath, home, cwd, env, systemFiles: options.systemFiles });
  }

  const assigned = new Map<string, Assigned | null>();
  const warnings: RcWarning[] = [];
  const files: string[] = [];
  const seen = new Set<string>();
  const lookup = (name: string): string | undefined => {
    const a = assigned.get(name);
    if (a === null) return undefined; // unset
    return a ? a.value : name === 'HOME' ? home : env[name];
  };
  for (const file of searched) {
    if (!isFile(file)) continue;
    const real = realpathSync(file);
    if (seen.has(real)) continue;
    seen.add(real);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if (options.configFile !== undefined) throw new KamctlrcError(`cannot read config file ${file}: ${(error as Error).message}`);
      warnings.push({ file, line: 0, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
      continue;
    }
    files.push(file);
    const parsed = parseKamctlrc(text, file);
    warnings.push(...parsed.warnings);
    for (const statement of parsed.statements) {
      if (statement.kind === 'unset') {
        for (const name of statement.names) assigned.set(name, null);
        continue;
      }
      for (const a of statement.assignments) {
        const value = expandWord(a.value, lookup);
        if (value.ok) assigned.set(a.name, { value: value.value, file, line: a.line });
        else warnings.push({ file, line: a.line, message: `${a.name} not assigned: ${value.construct} is not evaluated` });
      }
    }
  }

  const defaults = options.defaults ?? {};
  const names = new Set([...knownVariableNames(options.tool), ...(options.variables ?? []), ...Object.keys(defaults)]);
  for (const [name, a] of assigned) if (a) names.add(name);

  const values: Record<string, string> = {};
  const sources: Record<string, ValueSource> = {};
  for (const name of names) {
    const fromEnv = env[name];
    const fromFile = assigned.get(name);
    const fallback = defaults[name];
    if (fromEnv !== undefined && fromEnv !== '') {
      values[name] = fromEnv;
      sources[name] = { kind: 'env' };
    } else if (fromFile && (fromFile.value !== '' || fallback === undefined)) {
      values[name] = fromFile.value;
      sources[name] = { kind: 'file', file: fromFile.file, line: fromFile.line };
    } else if (fallback !== undefined) {
      values[name] = fallback;
      sources[name] = { kind: 'default' };
    }
  }

  return {
    files,
    searched,
    warnings,
    values,
    sources,
    get: (name) => values[name],
    describe: () =>
      [...names].sort().map((name) => {
        const secret = isSecretVariable(name);
        return { name, shown: secret ? maskSecret(values[name]) : values[name], secret, source: sources[name] };
      }),
  };
}

/** One line for humans: `~/.kamctlrc:12`, `environment`, `default`. */
export function describeSource(source: ValueSource | undefined): string {
  if (!source) return 'unset';
  if (source.kind === 'file') return `${source.file}:${source.line}`;
  return source.kind === 'env' ? 'environment' : 'default';
}

function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}
