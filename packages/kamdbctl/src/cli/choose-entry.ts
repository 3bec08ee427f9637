/**
 * Which compiled CLI the bin runs: the start-up bundle (scripts/bundle.mjs) while every compiled
 * file that went into it is unchanged (size and mtime), else dist/src. A later `tsc -b` therefore
 * never leaves the bin running stale code. Kept to node:fs: it is loaded before anything else.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export function cliEntry(packageDir: string): string {
  const bundled = join(packageDir, 'dist', 'bundle', 'cli', 'cli', 'run.js');
  try {
    const stamp = JSON.parse(readFileSync(join(packageDir, 'dist', 'bundle', 'stamp.json'), 'utf8')) as { inputs: [string, number, number][] };
    const current = stamp.inputs.every(([file, size, mtimeMs]) => {
      const s = statSync(join(packageDir, file));
      return s.size === size && s.mtimeMs === mtimeMs;
    });
    if (current) return pathToFileURL(bundled).href;
  } catch {
    // no bundle, or an input is gone
  }
  return pathToFileURL(join(packageDir, 'dist', 'src', 'cli', 'run.js')).href;
}
