#!/usr/bin/env node
// Writes dist/bundle/: knex and mysql2 as one start-up bundle (@kamkit/startup-bundle; see
// src/load-knex.ts). Drivers that must stay the installed instance (pg: callers set its type
// parsers) or are native (better-sqlite3) stay outside. Run by `prepare` (npm install / npm ci).
// A failure only warns: loadKnex() then uses node_modules.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(PACKAGE, 'package.json'));
const OUTSIDE = ['pg', 'pg-native', 'pg-query-stream', 'better-sqlite3', 'sqlite3', 'mysql', 'tedious', 'oracledb', 'mariadb', 'mariadb/callback'];

try {
  const { buildBundle } = await import('@kamkit/startup-bundle/build');
  await buildBundle({ entry: require.resolve('knex'), outDir: path.join(PACKAGE, 'dist', 'bundle'), main: 'knex.cjs', external: OUTSIDE, script: fileURLToPath(import.meta.url) });
} catch (error) {
  process.stderr.write(`@kamkit/db: no knex bundle (${error instanceof Error ? error.message : error}); knex is loaded from node_modules\n`);
}
