#!/usr/bin/env node
// Bundles knex with mysql2 into dist/bundle/knex.cjs. knex alone is ~340 small CommonJS files (lodash
// per function) and costs a one-shot kamctl more time than anything else; one file, compiled once
// and then loaded from V8's code cache (src/db/load-knex.ts), costs a fraction of it.
//
// pg stays external (kamctl sets its type parsers, which must be the instance knex uses), so do
// better-sqlite3 (native) and the drivers kamctl never loads. dist/bundle/knex-stamp.json records the
// versions bundled; kamctl uses the bundle only while the installed ones are the same. Run by
// `prepare` (npm install / npm ci); a failure only warns: kamctl then loads knex from node_modules.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(PACKAGE, 'dist', 'bundle');
const require = createRequire(path.join(PACKAGE, 'package.json'));
export const BUNDLED = ['knex', 'mysql2'];
const EXTERNAL = ['pg', 'better-sqlite3', 'sqlite3', 'tedious', 'mysql', 'oracledb', 'pg-query-stream', 'pg-native', 'mariadb', 'mariadb/callback'];

const versionOf = (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;

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
    external: EXTERNAL,
    logLevel: 'error',
  });
  writeFileSync(path.join(OUT, 'knex-stamp.json'), `${JSON.stringify(Object.fromEntries(BUNDLED.map((n) => [n, versionOf(n)])))}\n`);
} catch (error) {
  process.stderr.write(`kamctl: knex bundle not made (${error instanceof Error ? error.message : error}); kamctl loads knex from node_modules\n`);
}
