#!/usr/bin/env node
// Writes dist/bundle/knex.cjs: knex and mysql2 in one CommonJS file (see src/load-knex.ts), and
// dist/bundle/stamp.json with the versions it holds. Drivers that must stay the installed
// instance (pg: callers set its type parsers) or are native (better-sqlite3) stay outside.
// Run by `prepare` (npm install / npm ci). A failure only warns: loadKnex() then uses node_modules.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(PACKAGE, 'dist', 'bundle');
const require = createRequire(path.join(PACKAGE, 'package.json'));
const INSIDE = ['knex', 'mysql2'];
const OUTSIDE = ['pg', 'pg-native', 'pg-query-stream', 'better-sqlite3', 'sqlite3', 'mysql', 'tedious', 'oracledb', 'mariadb', 'mariadb/callback'];

try {
  const esbuild = await import('esbuild');
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  await esbuild.build({
    entryPoints: [require.resolve('knex')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile: path.join(OUT, 'knex.cjs'),
    external: OUTSIDE,
    logLevel: 'error',
  });
  const versions = Object.fromEntries(INSIDE.map((name) => [name, JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version]));
  writeFileSync(path.join(OUT, 'stamp.json'), `${JSON.stringify(versions)}\n`);
} catch (error) {
  process.stderr.write(`@kamkit/db: no knex bundle (${error instanceof Error ? error.message : error}); knex is loaded from node_modules\n`);
}
