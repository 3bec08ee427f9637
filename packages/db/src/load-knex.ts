/**
 * knex, as cheaply as a one-shot command can load it. knex is ~340 small CommonJS modules (one
 * lodash function each); parsing and compiling them is most of what a DB command spends before
 * its first query. scripts/bundle-knex.mjs makes one file of knex + mysql2; it is loaded here
 * through a V8 code cache kept next to it (one per Node version), which skips the compiling.
 * Without a bundle matching the installed versions, knex comes from node_modules as usual.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

import type { knex as knexFactory } from 'knex';

export type KnexFactory = typeof knexFactory;

const BUNDLE_DIR = fileURLToPath(new URL('../bundle/', import.meta.url));
const requireHere = createRequire(import.meta.url);

function installedVersion(name: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(requireHere.resolve(`${name}/package.json`), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/** The bundle holds exactly the knex and mysql2 that are installed. */
function bundleIsCurrent(): boolean {
  try {
    const stamp = JSON.parse(readFileSync(join(BUNDLE_DIR, 'stamp.json'), 'utf8')) as Record<string, string>;
    return Object.entries(stamp).every(([name, version]) => installedVersion(name) === version);
  } catch {
    return false;
  }
}

function loadBundle(): KnexFactory | undefined {
  if (!bundleIsCurrent()) return undefined;
  const file = join(BUNDLE_DIR, 'knex.cjs');
  const cacheFile = join(BUNDLE_DIR, `knex.cjs.${process.version}.v8cache`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // first run with this Node version: the cache is written below
  }
  // No import() works from inside this script (vm): knex migrations need a migrationSource (see migration-source.ts).
  const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const module = new Module(file) as Module & { filename: string; paths: string[] };
  module.filename = file;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(file));
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  if (cachedData === undefined || script.cachedDataRejected) {
    try {
      // Written aside, then renamed: a process starting meanwhile sees the old cache or none.
      writeFileSync(`${cacheFile}.${process.pid}`, script.createCachedData());
      renameSync(`${cacheFile}.${process.pid}`, cacheFile);
    } catch {
      // read-only install: compiled on every run, still one file
    }
  }
  const exported = module.exports as KnexFactory & { knex?: KnexFactory };
  return exported.knex ?? exported;
}

let loaded: KnexFactory | undefined;

export async function loadKnex(): Promise<KnexFactory> {
  if (!loaded) {
    try {
      loaded = loadBundle();
    } catch {
      loaded = undefined;
    }
    loaded ??= ((await import('knex')) as unknown as { default: KnexFactory }).default;
  }
  return loaded;
}
