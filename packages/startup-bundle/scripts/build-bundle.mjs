// Building side of a start-up bundle (the loading side is src/load-bundle.cts): esbuild makes one
// CommonJS file of a compiled entry point and what it imports, and stamp.json records what went in
// (size and mtime of our own files and of each installed package's package.json) so that a later
// `tsc -b` or `npm install` can never leave a stale bundle running.
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
 * esbuild plugin: modules that run on first use instead of at start-up, for what is required at
 * the top of a library but only needed on some paths.
 * - `files`: modules inside the bundle (mysql2's table of ~3,000 error names takes longer to set up
 *   than a whole INSERT, and is only read when something fails);
 * - `packages`: left out of the bundle and required from node_modules when first used (Node's tls;
 *   iconv-lite's code pages and the AWS certificate bundle, half a megabyte that a utf8mb4
 *   connection without TLS never touches);
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
      for (const [name, shim] of Object.entries(shims)) {
        const file = path.join(SHIMS, shim);
        // The shim's own require of the name, and the lazy proxy's, get the package itself.
        build.onResolve({ filter: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`) }, (args) =>
          args.importer === file || args.namespace === 'lazy-package' ? undefined : { path: file },
        );
      }
      for (const name of packages) {
        const bare = name.replace(/^node:/, '');
        const pattern = new RegExp(`^(node:)?${bare.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
        build.onResolve({ filter: pattern }, (args) => (args.namespace === 'lazy-package' ? undefined : { path: name, namespace: 'lazy-package' }));
      }
      build.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => ({ contents: proxy(`require(${JSON.stringify(args.path)})`), loader: 'js' }));
      build.onResolve({ filter: /.*/, namespace: 'lazy-package' }, (args) => ({ path: args.path, external: true }));
      for (const pattern of files) {
        build.onLoad({ filter: pattern, namespace: 'file' }, (args) => ({
          contents: proxy(`require(${JSON.stringify(`${args.path}?lazy-real`)})`),
          loader: 'js',
          resolveDir: path.dirname(args.path),
        }));
      }
      build.onResolve({ filter: /\?lazy-real$/ }, (args) => ({ path: args.path.slice(0, -'?lazy-real'.length), namespace: 'lazy-real' }));
      build.onLoad({ filter: /.*/, namespace: 'lazy-real' }, (args) => ({
        contents: readFileSync(args.path, 'utf8'),
        loader: 'js',
        resolveDir: path.dirname(args.path),
      }));
    },
  };
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
        build.onResolve({ filter: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`) }, (args) => ({ path: args.path, external: true }));
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
 * anew, so no code cache of an older one survives. Returns the bundle's path.
 */
export async function buildBundle({ entry, outDir, main = 'main.cjs', external = [], externalExact = [], plugins = [] }) {
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
    // Inputs of the plugin's namespaces look like "lazy-real:/abs/path"; built-ins have no file.
    const file = path.resolve(path.dirname(entry), input.replace(/^[a-z-]+:(?=\/)/, ''));
    if (input.startsWith('lazy-package:')) continue;
    // An installed package stands as its package.json: npm writes it anew when it installs
    // another version, and leaves it alone otherwise (one stat per package at start-up).
    manifests.add(file.includes(`${path.sep}node_modules${path.sep}`) ? path.join(packageDir(file), 'package.json') : file);
  }
  for (const file of manifests) {
    const { size, mtimeMs } = statSync(file);
    inputs.push([path.relative(outDir, file), size, mtimeMs]);
  }
  // An all-ASCII file can be read as latin1: a one-byte string, with no UTF-8 decoding.
  const encoding = readFileSync(outfile).every((byte) => byte < 0x80) ? 'latin1' : 'utf8';
  // The loader goes next to the bundle, so that a bin can require it by a relative path (no
  // package resolution at start-up).
  copyFileSync(LOADER, path.join(outDir, 'load-bundle.cjs'));
  const loader = statSync(LOADER);
  inputs.push([path.relative(outDir, LOADER), loader.size, loader.mtimeMs]);
  writeFileSync(path.join(outDir, 'stamp.json'), `${JSON.stringify({ main, encoding, inputs })}\n`);
  return outfile;
}
