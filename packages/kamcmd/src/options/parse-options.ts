import {
  DEFAULT_FIFO_REPLY_DIR,
  DEFAULT_TARGET,
  DEFAULT_TIMEOUT_SECONDS,
  TARGET_ENV,
  type KamcmdOptions,
} from './kamcmd-options.js';
import { UsageError } from './usage-error.js';

export type ParsedCommandLine =
  | { action: 'run'; options: KamcmdOptions }
  | { action: 'help' }
  | { action: 'version' };

/** Short options that take a value, as kamcmd's getopt string has them (plus our `-t`). */
const WITH_VALUE = new Set(['s', 'R', 'D', 'f', 't']);
const FLAGS = new Set(['v', 'V', 'h', 'U']);
const LONG_WITH_VALUE = new Set(['fifo-reply-dir', 'timeout']);
const LONG_FLAGS = new Set(['json', 'kamcmd-compat', 'help', 'version']);

/** A negative number such as `-1` or `-.5`: an argument of the method, never an option. */
const NEGATIVE_NUMBER = /^-(?:\d|\.\d)/;

/** The largest timer Node accepts; `-t 0` means "wait as long as it takes", as kamcmd does. */
const FOREVER_MS = 2 ** 31 - 1;

/**
 * Parses kamcmd's command line the way glibc getopt does (options may follow the method; `--` ends
 * them; `-vsPATH` bundles), with one relief: after the method, a negative number is an argument,
 * so `kamcmd cfg.set_now_int core debug -1` works where kamcmd says "Unknown option `-1'".
 */
export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv = {}): ParsedCommandLine {
  const values: { short: Map<string, string>; verbose: number; flags: Set<string> } = {
    short: new Map(),
    verbose: 0,
    flags: new Set(),
  };
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-') || (operands.length > 0 && NEGATIVE_NUMBER.test(arg))) {
      operands.push(arg);
      continue;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      if (LONG_FLAGS.has(name)) {
        if (eq >= 0) throw new UsageError(`option --${name} takes no value`);
        values.flags.add(name);
      } else if (LONG_WITH_VALUE.has(name)) {
        const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
        if (value === undefined) throw new UsageError(`option --${name} needs a value`);
        values.short.set(name === 'timeout' ? 't' : name, value);
      } else {
        throw new UsageError(`unknown option --${name}`);
      }
      continue;
    }
    for (let at = 1; at < arg.length; at++) {
      const letter = arg[at]!;
      if (FLAGS.has(letter)) {
        if (letter === 'v') values.verbose++;
        else values.flags.add(letter);
        continue;
      }
      if (!WITH_VALUE.has(letter)) throw new UsageError(`unknown option -${letter}`);
      const value = at + 1 < arg.length ? arg.slice(at + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`option -${letter} needs a value`);
      values.short.set(letter, value);
      break;
    }
  }

  // Like getopt, -h and -V act as soon as they are seen, whatever else is on the line.
  if (values.flags.has('h') || values.flags.has('help')) return { action: 'help' };
  if (values.flags.has('V') || values.flags.has('version')) return { action: 'version' };

  let target = values.short.get('s') ?? env[TARGET_ENV] ?? DEFAULT_TARGET;
  if (target === '') throw new UsageError(values.short.has('s') ? 'option -s needs a non-empty address' : `${TARGET_ENV} is empty`);
  // kamcmd -U: an address with neither protocol nor path is a UDP host.
  if (values.flags.has('U') && !/^[A-Za-z][A-Za-z0-9+.-]*:[^\d]/.test(target) && !target.includes('/')) target = `udp:${target}`;

  const options: KamcmdOptions = {
    target,
    verbose: values.verbose,
    json: values.flags.has('json'),
    kamcmdCompat: values.flags.has('kamcmd-compat'),
    timeoutMs: parseTimeout(values.short.get('t')),
    fifoReplyDir: values.short.get('fifo-reply-dir') ?? DEFAULT_FIFO_REPLY_DIR,
    command: operands,
  };
  const format = values.short.get('f');
  if (format !== undefined) options.format = format;
  const replySocketPath = values.short.get('R');
  if (replySocketPath !== undefined) options.replySocketPath = replySocketPath;
  const replySocketDir = values.short.get('D');
  if (replySocketDir !== undefined) options.replySocketDir = replySocketDir;
  if (options.json && options.format !== undefined) throw new UsageError('--json and -f exclude each other');
  return { action: 'run', options };
}

function parseTimeout(text: string | undefined): number {
  if (text === undefined) return DEFAULT_TIMEOUT_SECONDS * 1000;
  const seconds = /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(seconds)) throw new UsageError(`bad timeout "${text}" for -t: seconds, e.g. 5 or 0.5`);
  if (seconds === 0) return FOREVER_MS;
  return Math.min(FOREVER_MS, Math.max(1, Math.round(seconds * 1000)));
}
