// Building side of a start-up bundle (the loading side is src/load-bundle.cts): esbuild makes one
// CommonJS file of a compiled entry point and what it imports, and stamp.json records what went in
// (size and mtime of our own files and of each installed package's package.json) so that a later
// `tsc -b` or `npm install` can never leave a stale bundle running.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SHIMS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'shims');
const LOADER = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'src', 'load-bundle.cjs');

/** The directory of the installed package a node_modules path belongs to. */
function packageDir(file) {
  const marker = `${path.sep}node_modules${path.sep}`;
  const at = file.lastIndexOf(marker);
  const parts = file.slice(at + marker.length).split(path.sep);
  const name = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  return file.slice(0, at + marker.length) + name;
}

/**
 * esbuild plugin: modules left out of the bundle and required when first used, for what a library
 * requires at its top but needs only on some paths:
 * - `files`: files matching these patterns, required by their path relative to the bundle
 *   (mysql2's table of ~3,000 error names: a third of its code, read only when something fails);
 * - `packages`: required from node_modules (Node's tls and zlib; iconv-lite's code pages and the
 *   AWS certificate bundle, which a utf8mb4 connection without TLS never touches; pg for a MySQL
 *   user);
 * - `shims`: package name → a file of scripts/shims that stands in for it in the bundle (the
 *   shim's own require of the name gets the package, lazily, if it is also in `packages`).
 */
export function lazyModules({ files = [], packages = [], shims = {} }) {
  const proxy = (load) => `let real;
const load = () => (real ??= ${load});
module.exports = new Proxy({}, {
  get: (_, key) => load()[key],
  has: (_, key) => key in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, key) => { const d = Reflect.getOwnPropertyDescriptor(load(), key); return d && { ...d, configurable: true }; },
});`;
  return {
    name: 'lazy-modules',
    setup(build) {
      const outDir = path.dirname(build.initialOptions.outfile);
      for (const [name, shim] of Object.entries(shims)) {
        const file = path.join(SHIMS, shim);
        // The shim's own require of the name, and the lazy proxy's, get the package itself.
        build.onResolve({ filter: new RegExp(`^${escapeRegExp(name)}$`) }, (args) =>
          args.importer === file || args.namespace === 'lazy-package' ? undefined : { path: file },
        );
      }
      for (const name of packages) {
        const pattern = new RegExp(`^(node:)?${escapeRegExp(name.replace(/^node:/, ''))}$`);
        build.onResolve({ filter: pattern }, (args) => (args.namespace === 'lazy-package' ? undefined : { path: name, namespace: 'lazy-package' }));
      }
      build.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => ({ contents: proxy(`require(${JSON.stringify(args.path)})`), loader: 'js' }));
      build.onResolve({ filter: /.*/, namespace: 'lazy-package' }, (args) => ({ path: args.path, external: true }));
      for (const pattern of files) {
        build.onLoad({ filter: pattern, namespace: 'file' }, (args) => {
          const relative = path.relative(outDir, args.path).split(path.sep).join('/');
          return { contents: proxy(`require(${JSON.stringify(`lazy-file:${relative.startsWith('.') ? relative : `./${relative}`}`)})`), loader: 'js' };
        });
      }
      // The proxy's require stays a require, of the path relative to the bundle.
      build.onResolve({ filter: /^lazy-file:/ }, (args) => ({ path: args.path.slice('lazy-file:'.length), external: true }));
    },
  };
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * esbuild plugin: these exact specifiers stay imports, while their subpaths are bundled (esbuild's
 * own `external` takes every subpath too): a package whose index is only needed on a rare path,
 * with one small module used always.
 */
function exactExternals(names) {
  return {
    name: 'exact-externals',
    setup(build) {
      for (const name of names) {
        build.onResolve({ filter: new RegExp(`^${escapeRegExp(name)}$`) }, (args) => ({ path: args.path, external: true }));
      }
    },
  };
}

/** The bundle in `outDir` when its stamp still matches what it was made from. */
async function currentBundle(outDir) {
  try {
    const { freshBundle } = await import('../dist/src/load-bundle.cjs');
    return freshBundle(outDir);
  } catch {
    return undefined; // not compiled yet: build
  }
}

/**
 * Bundles `entry` into `outDir/main` (CommonJS) and writes `outDir/stamp.json`, unless the bundle
 * there is still current (then it and its code cache are kept). A new bundle gets a directory made
 * anew, so no code cache of an older one survives. `script` is the calling script's path, stamped
 * so that changed options make a new bundle; `withLoader` copies src/load-bundle.cjs next to the
 * bundle (for a bin that requires it by path). Returns the bundle's path.
 */
export async function buildBundle({ entry, outDir, main = 'main.cjs', external = [], externalExact = [], plugins = [], script, withLoader = false }) {
  const current = await currentBundle(outDir);
  if (current?.file === path.join(outDir, main)) return current.file;
  const esbuild = await import('esbuild');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const outfile = path.join(outDir, main);
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile,
    external,
    plugins: [...plugins, exactExternals(externalExact)],
    metafile: true,
    logLevel: 'error',
    // Less to read and hash at every start; names are kept, so stack traces still read.
    minifyWhitespace: true,
    minifySyntax: true,
    charset: 'ascii',
    // createRequire(import.meta.url) keeps working once the module is inside a CommonJS file.
    define: { 'import.meta.url': '__bundleFileUrl' },
    banner: { js: "const __bundleFileUrl = require('node:url').pathToFileURL(__filename).href;" },
    absWorkingDir: path.dirname(entry),
  });
  const inputs = [];
  const manifests = new Set();
  for (const input of Object.keys(result.metafile.inputs)) {
    // Lazy packages are not files; a lazy file is listed (and so stamped) under its own path.
    const file = path.resolve(path.dirname(entry), input.replace(/^[a-z-]+:(?=\/)/, ''));
    if (input.startsWith('lazy-package:')) continue;
    // An installed package stands as its package.json: npm writes it anew when it installs
    // another version, and leaves it alone otherwise (one stat per package at start-up).
    manifests.add(file.includes(`${path.sep}node_modules${path.sep}`) ? path.join(packageDir(file), 'package.json') : file);
  }
  // How it was built counts too: this file, its shims, and the caller's script (`script`, with the options).
  for (const file of [fileURLToPath(import.meta.url), ...readdirSync(SHIMS).map((name) => path.join(SHIMS, name)), ...(script ? [script] : [])]) manifests.add(file);
  for (const file of manifests) {
    const { size, mtimeMs } = statSync(file);
    inputs.push([path.relative(outDir, file), size, mtimeMs]);
  }
  // An all-ASCII file can be read as latin1: a one-byte string, with no UTF-8 decoding.
  const encoding = readFileSync(outfile).every((byte) => byte < 0x80) ? 'latin1' : 'utf8';
  if (withLoader) {
    // The loader goes next to the bundle, so that a bin can require it by a relative path (no
    // package resolution at start-up).
    copyFileSync(LOADER, path.join(outDir, 'load-bundle.cjs'));
    const loader = statSync(LOADER);
    inputs.push([path.relative(outDir, LOADER), loader.size, loader.mtimeMs]);
  }
  writeFileSync(path.join(outDir, 'stamp.json'), `${JSON.stringify({ main, encoding, inputs })}\n`);
  return outfile;
}
