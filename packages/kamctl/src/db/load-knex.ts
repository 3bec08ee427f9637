import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

import type { knex as KnexFactory } from 'knex';

export type Knex = typeof KnexFactory;

const BUNDLE_DIR = fileURLToPath(new URL('../../bundle/', import.meta.url));
const requireHere = createRequire(import.meta.url);

/** The stamp's versions are the installed ones: the bundle is knex as node_modules has it. */
function bundleIsCurrent(): boolean {
  try {
    const stamp = JSON.parse(readFileSync(join(BUNDLE_DIR, 'knex-stamp.json'), 'utf8')) as Record<string, string>;
    return Object.entries(stamp).every(([name, version]) => {
      const manifest = JSON.parse(readFileSync(requireHere.resolve(`${name}/package.json`), 'utf8')) as { version: string };
      return manifest.version === version;
    });
  } catch {
    return false;
  }
}

/**
 * Loads dist/bundle/knex.cjs (scripts/bundle-knex.mjs) as a CommonJS module through a V8 code cache
 * kept next to it, per Node version. Parsing and compiling knex is most of what it costs; the cache
 * skips both. Returns undefined when there is no current bundle.
 */
function loadBundle(): Knex | undefined {
  if (!bundleIsCurrent()) return undefined;
  const file = join(BUNDLE_DIR, 'knex.cjs');
  const cacheFile = join(BUNDLE_DIR, `knex.cjs.${process.version}.v8cache`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // first run: made below
  }
  const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const module = new Module(file) as Module & { filename: string; paths: string[] };
  module.filename = file;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(file));
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  const requireFromBundle = createRequire(file);
  wrapper.call(module.exports, module.exports, requireFromBundle, module, file, dirname(file));
  if (cachedData === undefined || script.cachedDataRejected) {
    try {
      // Written aside and renamed: a process starting meanwhile reads the old cache or none.
      writeFileSync(`${cacheFile}.${process.pid}`, script.createCachedData());
      renameSync(`${cacheFile}.${process.pid}`, cacheFile);
    } catch {
      // read-only install: compile every time
    }
  }
  const exported = module.exports as Knex & { knex?: Knex };
  return exported.knex ?? exported;
}

let loaded: Knex | undefined;

/** knex, from the bundle when it is current, else from node_modules. */
export async function loadKnex(): Promise<Knex> {
  if (!loaded) {
    try {
      loaded = loadBundle();
    } catch {
      loaded = undefined;
    }
    loaded ??= ((await import('knex')) as unknown as { default: Knex }).default;
  }
  return loaded;
}
