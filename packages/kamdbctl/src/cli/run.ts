import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { Config, flush, Plugin, run, type Command } from './oclif.js';

import { exitCodeOf, printError } from './kamdbctl-command.js';
import { packageDir } from './package-root.js';

const PACKAGE_DIR = packageDir(import.meta.url);
const MANIFEST = join(PACKAGE_DIR, 'oclif.manifest.json');
/** The compiled CLI and commands (also when running from the start-up bundle, which is current only while they are unchanged). */
const CLI_DIR = join(PACKAGE_DIR, 'dist', 'src', 'cli');
const COMMANDS_DIR = join(PACKAGE_DIR, 'dist', 'src', 'commands');

/** Names, sizes and times of the compiled commands and of this directory (base class, flags): a manifest made from other files is not used. */
function commandsStamp(): string {
  return [COMMANDS_DIR, CLI_DIR]
    .map(
      (dir) =>
        `${dir}=` +
        readdirSync(dir)
          .filter((f) => f.endsWith('.js'))
          .sort()
          .map((f) => {
            const s = statSync(join(dir, f));
            return `${f}:${s.size}:${s.mtimeMs}`;
          })
          .join(','),
    )
    .join(';');
}

/**
 * oclif's configuration, from a command manifest when one matches the commands in use. Without
 * a manifest oclif imports every command module on every run to list them; the manifest is written
 * on the first run after a build (best effort: a read-only install just goes without). `commands`
 * (the start-up bundle's) are given to oclif as they are, instead of a directory to import from.
 */
async function loadConfig(commands?: Record<string, Command.Class>): Promise<InstanceType<typeof Config>> {
  const stamp = commandsStamp();
  let current = false;
  try {
    current = (JSON.parse(readFileSync(MANIFEST, 'utf8')) as { kamkitStamp?: string }).kamkitStamp === stamp;
  } catch {
    // none yet
  }
  const pjson = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { oclif: Record<string, unknown> };
  pjson.oclif.commands = commands
    ? // The target is never imported: the plugin's command cache is filled before it loads.
      { strategy: 'explicit', target: './dist/src/cli/commands.js', identifier: 'COMMANDS' }
    : `./${relative(PACKAGE_DIR, COMMANDS_DIR)}`;
  // A manifest of other commands must go: oclif reads oclif.manifest.json whenever it exists.
  if (!current) rmSync(MANIFEST, { force: true });
  let plugins: Map<string, Plugin> | undefined;
  if (commands) {
    const root = new Plugin({ isRoot: true, root: PACKAGE_DIR, pjson: pjson as never });
    (root as unknown as { commandCache: Record<string, Command.Class> }).commandCache = commands;
    await root.load();
    plugins = new Map([[root.name, root]]);
  }
  const config = await Config.load({ root: PACKAGE_DIR, pjson: pjson as never, plugins });
  if (!current) {
    try {
      const manifest = (config.plugins.get(config.pjson.name) as { manifest?: object } | undefined)?.manifest;
      if (manifest) {
        writeFileSync(`${MANIFEST}.${process.pid}`, JSON.stringify({ ...manifest, kamkitStamp: stamp }));
        renameSync(`${MANIFEST}.${process.pid}`, MANIFEST);
      }
    } catch {
      // not writable: oclif reads the command modules instead
    }
  }
  return config;
}

/**
 * Runs one kamdbctl invocation and exits with the documented code. Errors before a command runs
 * (unknown command, bad flags) are reported here; commands report their own in `catch`.
 * `commands`: the command classes by id (the start-up bundle); else oclif imports dist/src/commands.
 */
export async function runKamdbctl(argv: string[], commands?: Record<string, Command.Class>): Promise<void> {
  try {
    await run(argv, await loadConfig(commands));
  } catch (error) {
    const err = error as Error & { oclif?: { exit?: number } };
    if (err.oclif?.exit !== 0) {
      printError(err, argv.includes('--json'));
      process.exitCode = exitCodeOf(err);
    }
  }
  await flush();
  process.exit(process.exitCode ?? 0);
}
