import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Config, flush, run } from './oclif.js';

import { exitCodeOf, printError } from './kamdbctl-command.js';
import { packageDir } from './package-root.js';

const PACKAGE_DIR = packageDir(import.meta.url);
const MANIFEST = join(PACKAGE_DIR, 'oclif.manifest.json');
const CLI_DIR = dirname(fileURLToPath(import.meta.url));
/** The commands next to this module: dist/src/commands, or dist/bundle/cli/commands when running from the bundle. */
const COMMANDS_DIR = join(CLI_DIR, '..', 'commands');

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
 * on the first run after a build (best effort: a read-only install just goes without).
 */
async function loadConfig(): Promise<InstanceType<typeof Config>> {
  const stamp = commandsStamp();
  let current = false;
  try {
    current = (JSON.parse(readFileSync(MANIFEST, 'utf8')) as { kamkitStamp?: string }).kamkitStamp === stamp;
  } catch {
    // none yet
  }
  const pjson = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { oclif: Record<string, unknown> };
  pjson.oclif.commands = `./${relative(PACKAGE_DIR, COMMANDS_DIR)}`;
  // A manifest of other commands must go: oclif reads oclif.manifest.json whenever it exists.
  if (!current) rmSync(MANIFEST, { force: true });
  const config = await Config.load({ root: PACKAGE_DIR, pjson: pjson as never });
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
 */
export async function runKamdbctl(argv: string[]): Promise<void> {
  try {
    await run(argv, await loadConfig());
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
