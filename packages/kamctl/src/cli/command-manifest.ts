import { accessSync, constants, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { Config } from '@oclif/core';

const MANIFEST = 'oclif.manifest.json';

/** The compiled command files and their modification times: what the manifest was made from. */
function fingerprint(commandsDir: string): string {
  const entries: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js')) entries.push(`${relative(commandsDir, path)}:${statSync(path).mtimeMs}`);
    }
  };
  walk(commandsDir);
  return entries.sort().join('\n');
}

/**
 * Keeps `oclif.manifest.json` in step with the build. Without a manifest oclif imports every
 * command module at start-up to list them; with one it imports only the command that runs. The
 * manifest is remade whenever the compiled commands change; where the package is read-only, kamctl
 * simply runs without one.
 */
export async function ensureCommandManifest(root: string): Promise<void> {
  let current: string;
  try {
    current = fingerprint(join(root, 'dist', 'src', 'commands'));
  } catch {
    return;
  }
  try {
    const manifest = JSON.parse(readFileSync(join(root, MANIFEST), 'utf8')) as { kamkitFingerprint?: string };
    if (manifest.kamkitFingerprint === current) return;
  } catch {
    // absent or unreadable: make it
  }
  try {
    // Where the manifest cannot be written, making it would only add a second Config.load to every run.
    accessSync(root, constants.W_OK);
    const config = await Config.load({ root, ignoreManifest: true });
    const plugin = config.getPluginsList().find((p) => p.root === config.root) ?? config.getPluginsList()[0];
    if (!plugin) return;
    const { manifest } = plugin as unknown as { manifest: object };
    // Written aside and renamed: kamctl processes running at once never read half a manifest.
    const temporary = join(root, `${MANIFEST}.${process.pid}`);
    writeFileSync(temporary, `${JSON.stringify({ ...manifest, kamkitFingerprint: current })}\n`);
    renameSync(temporary, join(root, MANIFEST));
  } catch {
    // read-only install: run without a manifest
  }
}
