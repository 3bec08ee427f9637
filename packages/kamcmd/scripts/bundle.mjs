#!/usr/bin/env node
// Bundles the compiled CLI (dist/src/cli/main.js with @kamkit/rpc and @kamkit/binrpc) into
// dist/bundle/, so that a one-shot kamcmd loads a handful of files instead of ~55 modules (each
// costs about a millisecond to resolve, read and link). Code behind dynamic import() (the REPL,
// the JSON-RPC/XML-RPC transports) stays in separate chunks, loaded only when used.
//
// dist/bundle/stamp.json records the size and mtime of every compiled file that went in; the bin
// uses the bundle only while they all still match, so a later `tsc -b` can never leave it running
// stale code (it falls back to the modules). Run by `prepare` (npm install / npm ci) after tsc.
// A failure only warns: the bin works without the bundle, just starts slower.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(PACKAGE, 'dist', 'bundle');
const ENTRY = path.join(PACKAGE, 'dist', 'src', 'cli', 'main.js');

/** Every dependency that is not one of ours stays an import (ink, react, unix-dgram...). */
function externals() {
  const names = new Set();
  for (const dir of [PACKAGE, path.join(PACKAGE, '..', 'rpc'), path.join(PACKAGE, '..', 'binrpc')]) {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    for (const name of Object.keys(manifest.dependencies ?? {})) if (!name.startsWith('@kamkit/')) names.add(name);
  }
  return [...names].flatMap((name) => [name, `${name}/*`]);
}

try {
  const esbuild = await import('esbuild');
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const result = await esbuild.build({
    entryPoints: { main: ENTRY },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: OUT,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    external: externals(),
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: PACKAGE,
  });
  const inputs = Object.keys(result.metafile.inputs).map((input) => {
    const file = path.resolve(PACKAGE, input);
    const { size, mtimeMs } = statSync(file);
    return [path.relative(OUT, file), size, mtimeMs];
  });
  writeFileSync(path.join(OUT, 'stamp.json'), `${JSON.stringify({ main: 'main.mjs', inputs })}\n`);
} catch (error) {
  rmSync(OUT, { recursive: true, force: true });
  process.stderr.write(`kamcmd: no start-up bundle (${error instanceof Error ? error.message : error}); kamcmd still works, starting slower\n`);
}
