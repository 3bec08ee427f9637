import { lookupService } from 'node:dns/promises';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { ConfigError } from '../errors/config-error.js';
import { loadConfig, type LoadConfigOptions } from '../load/load-config.js';
import type { LoadedConfig } from '../load/loaded-config.js';
import { formatSocketReport, type HostFacts } from './socket-report.js';

export interface CheckConfigOptions extends LoadConfigOptions {
  /** Facts about the machine for the socket report; by default this machine's (localHostFacts). */
  host?: HostFacts;
  /** The process id printed in log lines (` 0(PID) CRITICAL: …`); default process.pid. */
  pid?: number;
}

export interface CheckMessage {
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

export interface CheckResult {
  readonly ok: boolean;
  /** What `kamailio -c` exits with: 0 for a good file, 255 (its -1) otherwise. */
  readonly exitCode: 0 | 255;
  /** Everything printed, in order. */
  readonly messages: CheckMessage[];
  readonly stdout: string;
  readonly stderr: string;
  /** The loaded config when the file is good. */
  readonly config?: LoadedConfig;
  /** The first problem when it is not. */
  readonly error?: ConfigError;
}

/**
 * `kamailio -c -f FILE`: on success the socket report on stdout and `config file ok, exiting...` on
 * stderr, exit 0; on failure a CRITICAL line naming file, line and column (with our reason and what
 * was expected) and `ERROR: bad config file (1 errors)`, exit 255. We stop at the first error where
 * Kamailio may go on and count several.
 */
export async function checkConfig(path: string, options: CheckConfigOptions = {}): Promise<CheckResult> {
  const messages: CheckMessage[] = [];
  try {
    const config = await loadConfig(path, options);
    const host = options.host ?? (await localHostFacts(config.globals.filter((g) => g.name === 'listen').map((g) => String(g.value))));
    messages.push({ stream: 'stdout', text: formatSocketReport(config.globals, host) });
    messages.push({ stream: 'stderr', text: 'config file ok, exiting...\n' });
    return result(true, messages, { config });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const pid = options.pid ?? process.pid;
    const file = error.file === '' ? resolve(path) : error.file;
    messages.push({
      stream: 'stderr',
      text: ` 0(${pid}) CRITICAL: <core> parse error in config file ${file}, line ${error.line}, column ${error.column}: ${error.detail}\n`,
    });
    messages.push({ stream: 'stderr', text: 'ERROR: bad config file (1 errors) (parsing code: 1)\n' });
    return result(false, messages, { error });
  }
}

function result(ok: boolean, messages: CheckMessage[], extra: { config?: LoadedConfig; error?: ConfigError }): CheckResult {
  const text = (stream: CheckMessage['stream']) => messages.filter((m) => m.stream === stream).map((m) => m.text).join('');
  return { ok, exitCode: ok ? 0 : 255, messages, stdout: text('stdout'), stderr: text('stderr'), ...extra };
}

/**
 * This machine as Kamailio sees it: its IPv4 addresses in interface order, `localhost` as
 * 127.0.0.1, and for auto_aliases the name each address (of an interface, or written in a `listen`)
 * reverse-resolves to, through getnameinfo as Kamailio's gethostbyaddr goes through NSS too.
 */
export async function localHostFacts(listens: readonly string[] = []): Promise<HostFacts> {
  const interfaceAddresses = Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((entry) => entry.family === 'IPv4')
    .map((entry) => entry.address);
  const written = listens.flatMap((spec) => spec.match(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g) ?? []);
  const names = new Map<string, string>();
  await Promise.all(
    [...new Set([...interfaceAddresses, ...written])].map(async (address) => {
      const found = await lookupService(address, 0).catch(() => undefined);
      if (found && found.hostname !== address) names.set(address, found.hostname);
    }),
  );
  return {
    interfaceAddresses,
    resolveHost: (name) => (name === 'localhost' ? '127.0.0.1' : undefined),
    reverseLookup: (address) => names.get(address),
  };
}
