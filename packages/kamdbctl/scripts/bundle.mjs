#!/usr/bin/env node
// Bundles kamdbctl's CLI (dist/src/cli/bundle-main.js: oclif, every command, @kamkit/schema,
// @kamkit/kamctlrc, @kamkit/terminal-prompt) into dist/bundle/kamdbctl.cjs, one start-up bundle
// (@kamkit/startup-bundle) that bin/kamdbctl.js runs through a V8 code cache while its stamp
// matches, so a later `tsc -b` or `npm install` never leaves it running stale code. Run by `prepare`
// and by the root `npm run build`, after tsc. A failure only warns: kamdbctl works without, slower.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

try {
  const { buildBundle, lazyModules } = await import('@kamkit/startup-bundle/build');
  await buildBundle({
    entry: path.join(PACKAGE, 'dist', 'src', 'cli', 'bundle-main.js'),
    outDir: path.join(PACKAGE, 'dist', 'bundle'),
    main: 'kamdbctl.cjs',
    script: fileURLToPath(import.meta.url),
    withLoader: true,
    // oclif looks these up only for TypeScript sources in development; better-sqlite3 is native.
    external: ['ts-node', 'typescript', 'better-sqlite3'],
    plugins: [
      // Required on first use, from node_modules: @kamkit/db finds its own knex bundle and imports
      // the ES-module migrations (no import() works inside this bundle); pg stays the instance knex
      // uses; the progress bar only on a terminal.
      lazyModules({ packages: ['@kamkit/db', 'pg', 'cli-progress'] }),
    ],
  });
} catch (error) {
  process.stderr.write(`kamdbctl: no start-up bundle (${error instanceof Error ? error.message : error}); kamdbctl works, starting slower\n`);
}
