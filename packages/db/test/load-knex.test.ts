// loadKnex(): the bundle made by `prepare` (npm install) is used and cached per Node version, and
// what it returns is knex with the mysql2 dialect inside; ESM migrations run through esModuleMigrationSource.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const PACKAGE = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLE = fileURLToPath(new URL('../bundle/', import.meta.url));
const INDEX = fileURLToPath(new URL('../src/index.js', import.meta.url));

/** Runs `body` in a fresh process (what a one-shot command gets), with `knex` from loadKnex(). */
function inChild(body: string): string {
  const program = `const { loadKnex } = await import(${JSON.stringify(INDEX)}); const knex = await loadKnex();\n${body}`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', program], { encoding: 'utf8' });
}

describe('loadKnex', () => {
  it('loads knex from the bundle, through a V8 code cache written on first use', () => {
    const stamp = JSON.parse(readFileSync(`${BUNDLE}stamp.json`, 'utf8')) as { main: string; inputs: [string, number, number][] };
    assert.equal(stamp.main, 'knex.cjs', `no bundle: run npm install (prepare runs ${PACKAGE}scripts/bundle-knex.mjs)`);
    const inside = (name: string) => stamp.inputs.some(([file]) => file.endsWith(`node_modules/${name}/package.json`));
    assert.ok(inside('knex') && inside('mysql2'), 'knex and mysql2 are inside the bundle');
    const query = `process.stdout.write(knex({ client: 'mysql2' })('subscriber').where('username', "o'x").toString());`;
    for (let i = 0; i < 2; i++) assert.equal(inChild(query), "select * from `subscriber` where `username` = 'o\\'x'");
    // Only the bundle path writes this file.
    assert.equal(existsSync(`${BUNDLE}knex.cjs.${process.version}.v8cache`), true);
  });

  it('runs ESM migration files through esModuleMigrationSource', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kamkit-db-migrations-'));
    writeFileSync(join(dir, '001_t.mjs'), "export const up = (k) => k.raw('CREATE TABLE t (a INTEGER)'); export const down = (k) => k.raw('DROP TABLE t');\n");
    const out = inChild(`const { esModuleMigrationSource } = await import(${JSON.stringify(INDEX)});
      const k = knex({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
      const [, done] = await k.migrate.latest({ migrationSource: esModuleMigrationSource(${JSON.stringify(dir)}) });
      const rows = await k.raw("SELECT name FROM sqlite_master WHERE name = 't'");
      process.stdout.write(JSON.stringify({ done, rows }));
      await k.destroy();`);
    assert.deepEqual(JSON.parse(out), { done: ['001_t.mjs'], rows: [{ name: 't' }] });
  });
});
