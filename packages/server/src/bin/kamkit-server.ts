#!/usr/bin/env node
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { cfgFrameworkFromConfig } from '../cfg/index.js';
import { checkConfig, ConfigError, loadConfig, type LoadedConfig } from '../config/index.js';
import { ListenAddressError } from '../control/binrpc/listen-address.js';
import { openEmbeddedDatabase } from '../db/embedded-database.js';
import { validateModules } from '../modules/module-catalogue.js';
import { embeddedSettings, settingsFromConfig } from '../server/control-settings.js';
import { EMPTY_CONFIG } from '../server/empty-config.js';
import { KamkitServer, type KamkitServerOptions } from '../server/kamkit-server.js';
import { defaultServerIdentity, fullVersion } from '../server/server-identity.js';
import { parseCommandLine, USAGE, UsageError, type CommandLine } from './command-line.js';
import { ctlSocketInUse } from './running-server.js';

const KAMKIT_VERSION = '0.1.0';

/** `kamailio -c`'s failure lines, for an error found after the parser's own checks. */
function printCheckFailure(error: ConfigError): void {
  process.stderr.write(` 0(${process.pid}) CRITICAL: <core> parse error in config file ${error.file}, line ${error.line}, column ${error.column}: ${error.detail}\n`);
  process.stderr.write('ERROR: bad config file (1 errors) (parsing code: 1)\n');
}

/** Building the cfg framework checks the script's cfg variables and the values modparams give them. */
function cfgProblem(config: LoadedConfig): ConfigError | undefined {
  try {
    cfgFrameworkFromConfig(config);
    return undefined;
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
}

async function check(line: CommandLine): Promise<number> {
  const result = await checkConfig(line.configFile!, { defines: line.defines });
  if (!result.ok || !result.config) {
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    return result.exitCode;
  }
  const error = validateModules(result.config) ?? cfgProblem(result.config);
  if (error) {
    printCheckFailure(error);
    return 255;
  }
  try {
    settingsFromConfig(result.config, line.runDir);
  } catch (problem) {
    if (!(problem instanceof ListenAddressError)) throw problem;
    process.stderr.write(`ERROR: bad control socket: ${problem.message}\n`);
    return 255;
  }
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  return 0;
}

async function serverOptions(line: CommandLine): Promise<KamkitServerOptions> {
  const argv = ['kamkit-server', ...process.argv.slice(2)];
  if (line.configFile) {
    const config = await loadConfig(line.configFile, { defines: line.defines });
    const error = validateModules(config);
    if (error) throw error;
    const cfg = { framework: cfgFrameworkFromConfig(config), rpc: config.modules.some((m) => m.name === 'cfg_rpc') };
    return { settings: settingsFromConfig(config, line.runDir), config, cfg, argv };
  }
  const runDir = path.resolve(line.runDir ?? '.kamkit/run');
  mkdirSync(runDir, { recursive: true, mode: 0o700 });
  const database = openEmbeddedDatabase(path.resolve(line.dataDir ?? '.kamkit/data', 'kamailio.sqlite'));
  // No script: the core and tcp cfg groups, served by cfg.* as if cfg_rpc were loaded.
  const cfg = { framework: cfgFrameworkFromConfig(EMPTY_CONFIG), rpc: true };
  return { settings: embeddedSettings(runDir, line.http ?? { host: '127.0.0.1', port: 5071 }), database, cfg, argv };
}

function banner(server: KamkitServer, options: KamkitServerOptions): string {
  const identity = defaultServerIdentity(KAMKIT_VERSION);
  const lines = [`kamkit-server ${KAMKIT_VERSION}: answers as ${fullVersion(identity).trim()}, pid ${process.pid}`];
  if (options.database) lines.push(`database: SQLite ${options.database.path}${options.database.created ? ' (created with the Kamailio 5.6.3 tables)' : ''}`);
  const width = Math.max(...server.endpoints().map((e) => e.transport.length));
  for (const endpoint of server.endpoints()) {
    lines.push(`${endpoint.transport.padEnd(width)}  ${endpoint.address}`);
    if (endpoint.hint) lines.push(`${' '.repeat(width)}    connect: ${endpoint.hint}`);
  }
  lines.push('Ctrl-C stops the server (its sockets and FIFOs are removed).');
  return `${lines.join('\n')}\n`;
}

async function run(line: CommandLine): Promise<number> {
  let options: KamkitServerOptions;
  try {
    options = await serverOptions(line);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ListenAddressError) {
      process.stderr.write(`kamkit-server: ${error.message}\n`);
      return 255;
    }
    throw error;
  }
  const inUse = await ctlSocketInUse(options.settings);
  if (inUse) {
    process.stderr.write(
      `kamkit-server: another server is answering on ${inUse}; stop it first, or give this one its own run directory (-Y DIR)${line.configFile ? '' : ' and HTTP port (--http HOST:PORT)'}\n`,
    );
    return 1;
  }
  let stopping: Promise<void> | undefined;
  let server: KamkitServer | undefined;
  const stop = (code: number) => {
    stopping ??= (server?.stop() ?? Promise.resolve()).then(() => process.exit(code));
    return stopping;
  };
  // core.kill never reaches other processes (Kamailio signals its whole process group, which would
  // hit the shell or npm here): any signal it asks for stops this server cleanly.
  server = new KamkitServer({ ...options, onKill: () => void stop(0), onRequestError: (e) => process.stderr.write(`kamkit-server: ${e.message}\n`) });
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  // The terminal it runs in was closed: stop cleanly too, rather than die with the sockets left behind.
  process.on('SIGHUP', () => void stop(0));
  try {
    await server.start();
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { address?: string; port?: number };
    if (e.code === 'EADDRINUSE' && e.port !== undefined) {
      const hint = line.configFile ? '' : '; --http HOST:PORT picks another (port 0: any free one)';
      process.stderr.write(`kamkit-server: cannot start: ${e.address}:${e.port} is already in use (another kamkit-server or a Kamailio?)${hint}\n`);
    } else {
      process.stderr.write(`kamkit-server: cannot start: ${e.code ? `${e.code} ` : ''}${e.message}\n`);
    }
    return 1;
  }
  process.stdout.write(banner(server, options));
  return new Promise<number>(() => {
    // Runs until a signal or core.kill.
  });
}

async function main(): Promise<number> {
  let line: CommandLine;
  try {
    line = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`kamkit-server: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (line.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (line.version) {
    process.stdout.write(`kamkit-server ${KAMKIT_VERSION} (${fullVersion(defaultServerIdentity(KAMKIT_VERSION)).trim()} compatible)\n`);
    return 0;
  }
  return line.check ? check(line) : run(line);
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`kamkit-server: ${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
