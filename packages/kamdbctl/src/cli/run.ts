import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Config, flush, run } from '@oclif/core';

import { exitCodeOf, printError } from './kamdbctl-command.js';

const PACKAGE_DIR = fileURLToPath(new URL('../../../', import.meta.url));
const MANIFEST = join(PACKAGE_DIR, 'oclif.manifest.json');
const COMMANDS_DIR = join(PACKAGE_DIR, 'dist', 'src', 'commands');

/** Names, sizes and times of the compiled commands: a manifest made from other files is not used. */
function commandsStamp(): string {
  return readdirSync(COMMANDS_DIR)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((f) => {
      const s = statSync(join(COMMANDS_DIR, f));
      return `${f}:${s.size}:${s.mtimeMs}`;
    })
    .join(',');
}

/**
 * oclif's configuration, from a command manifest when one matches the compiled commands. Without
 * a manifest oclif imports every command module on every run to list them; the manifest is written
 * on the first run after a build (best effort: a read-only install just goes without).
 */
async function loadConfig(): Promise<Config> {
  const stamp = commandsStamp();
  let current = false;
  try {
    current = (JSON.parse(readFileSync(MANIFEST, 'utf8')) as { kamkitStamp?: string }).kamkitStamp === stamp;
  } catch {
    // none yet
  }
  const config = await Config.load({ root: PACKAGE_DIR, ignoreManifest: !current });
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
