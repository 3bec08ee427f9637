/**
 * Loading side of a start-up bundle (see scripts/build-bundle.mjs). A one-shot command spends most
 * of its life resolving, reading and compiling modules; one file compiled through a V8 code cache
 * skips nearly all of it. CommonJS on purpose: a .cjs entry point starts without the ES module
 * loader, which costs ~10 ms on its own.
 */
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** What build-bundle.mjs writes next to a bundle. */
export interface BundleStamp {
  /** The bundle's file name, in the stamp's directory. */
  main: string;
  /** latin1 when the bundle is all ASCII (read without decoding UTF-8). */
  encoding: 'latin1' | 'utf8';
  /**
   * [path relative to the stamp's directory, size, mtimeMs] of every input outside node_modules,
   * and of the package.json of every installed package that went in.
   */
  inputs: Array<[string, number, number]>;
}

/**
 * The bundle file named by the stamp in `dir`, while everything it was made from is unchanged;
 * undefined when there is no bundle or something was rebuilt or upgraded since (the caller then
 * loads the modules themselves, so a bundle can never run stale code).
 */
export function freshBundle(dir: string): FreshBundle | undefined {
  try {
    const stamp = JSON.parse(readFileSync(join(dir, 'stamp.json'), 'utf8')) as BundleStamp;
    // Plain concatenation: path.join for every input is a measurable part of a start.
    const base = `${dir}/`;
    for (const [file, size, mtimeMs] of stamp.inputs) {
      const stat = statSync(base + file);
      if (stat.size !== size || stat.mtimeMs !== mtimeMs) return undefined;
    }
    return { file: join(dir, stamp.main), encoding: stamp.encoding ?? 'utf8' };
  } catch {
    return undefined;
  }
}

export interface FreshBundle {
  file: string;
  encoding: BufferEncoding;
}

export interface LoadedBundle {
  exports: unknown;
  /**
   * Writes the code cache when there was none (or V8 refused it). Called after the command's work,
   * the cache also holds the functions compiled while it ran, not just the top level.
   */
  saveCodeCache(): void;
}

/** Runs a CommonJS bundle as a module, through the code cache kept next to it for this Node version. */
export function requireBundle({ file, encoding }: FreshBundle): LoadedBundle {
  const cacheFile = `${file}.${process.version}.v8cache`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // first run with this Node version
  }
  // No import() works inside such a script (Node 20 wants a flag for it): bundles must not use it.
  const script = new Script(Module.wrap(readFileSync(file, encoding)), { filename: file, cachedData });
  const module = new Module(file) as Module & { filename: string; paths: string[] };
  module.filename = file;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(file));
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  const needed = cachedData === undefined || script.cachedDataRejected === true;
  return {
    exports: module.exports,
    saveCodeCache: () => {
      if (!needed) return;
      try {
        // Written aside, then renamed: a process starting meanwhile sees the old cache or none.
        writeFileSync(`${cacheFile}.${process.pid}`, script.createCachedData());
        renameSync(`${cacheFile}.${process.pid}`, cacheFile);
      } catch {
        // read-only install: compiled on every run, still one file
      }
    },
  };
}

/** The bundle in `dir`, loaded, while its stamp matches (freshBundle + requireBundle); else undefined. */
export function requireFreshBundle(dir: string): LoadedBundle | undefined {
  const fresh = freshBundle(dir);
  return fresh === undefined ? undefined : requireBundle(fresh);
}
