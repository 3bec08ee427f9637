#!/usr/bin/env node
// Start-up bundles for a one-shot kamdbctl, made by `prepare` (npm install / npm ci) after tsc:
//   dist/bundle/oclif.cjs  @oclif/core (~110 CommonJS modules) in one file (src/cli/oclif.ts);
//   dist/bundle/cli/       the compiled CLI (dist/src, with @kamkit/schema and @kamkit/kamctlrc):
//                          cli/run.js and one file per command, shared code in chunks/.
// Each module costs about a millisecond to resolve, read and link; one file costs a fraction.
// dist/bundle/stamp.json records the @oclif/core version and the size and mtime of every compiled
// input; the bin uses the bundles only while they all still match (src/cli/choose-entry.ts), so a
// later `tsc -b` never runs stale code. A failure only warns: kamdbctl works without, slower.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(PACKAGE, 'dist', 'bundle');
const SRC = path.join(PACKAGE, 'dist', 'src');
const require = createRequire(path.join(PACKAGE, 'package.json'));

/** Everything that is not compiled kamkit code stays an import, and so does @kamkit/db (it finds its own knex bundle). */
function externals() {
  const names = new Set(['@kamkit/db']);
  for (const dir of [PACKAGE, path.join(PACKAGE, '..', 'schema'), path.join(PACKAGE, '..', 'kamctlrc')]) {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    for (const name of Object.keys(manifest.dependencies ?? {})) if (!name.startsWith('@kamkit/')) names.add(name);
  }
  return [...names].flatMap((name) => [name, `${name}/*`]);
}

try {
  const esbuild = await import('esbuild');
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  await esbuild.build({
    entryPoints: [require.resolve('@oclif/core')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile: path.join(OUT, 'oclif.cjs'),
    // Only for TypeScript sources in development; looked up at run time as before.
    external: ['ts-node', 'typescript'],
    logLevel: 'error',
  });
  const commands = readdirSync(path.join(SRC, 'commands')).filter((f) => f.endsWith('.js'));
  const result = await esbuild.build({
    entryPoints: [path.join(SRC, 'cli', 'run.js'), ...commands.map((f) => path.join(SRC, 'commands', f))],
    outbase: SRC,
    outdir: path.join(OUT, 'cli'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    external: externals(),
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: PACKAGE,
  });
  const inputs = Object.keys(result.metafile.inputs).map((input) => {
    const file = path.resolve(PACKAGE, input);
    const { size, mtimeMs } = statSync(file);
    return [path.relative(PACKAGE, file), size, mtimeMs];
  });
  const { version } = JSON.parse(readFileSync(require.resolve('@oclif/core/package.json'), 'utf8'));
  writeFileSync(path.join(OUT, 'stamp.json'), `${JSON.stringify({ oclif: version, inputs })}\n`);
} catch (error) {
  rmSync(OUT, { recursive: true, force: true });
  process.stderr.write(`kamdbctl: no start-up bundle (${error instanceof Error ? error.message : error}); kamdbctl works, starting slower\n`);
}
