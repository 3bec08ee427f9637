// The tables kamdbctl makes on SQLite are exactly those of the generated DDL, and the knex
// migrations in migrations/ make the same tables too.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { EXTRA_MODULES, INSTALL_ORDER, PRESENCE_MODULES, readSchemaDir, sqliteDdl, STANDARD_MODULES } from '@kamkit/schema';
import Database from 'better-sqlite3';
import knex from 'knex';

import { kamdbctl, MIGRATIONS, SCHEMAS, sqliteConfig, sqliteRows, sqliteSchema } from './helpers.js';

const schema = readSchemaDir(SCHEMAS);

/** A database made by running the generated `<group>-create.sql` of each group, in order. */
function ddlDatabase(groups: readonly string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'kamdbctl-ddl-')), 'ddl.sqlite');
  const db = new Database(file);
  try {
    for (const id of groups) db.exec(sqliteDdl(schema.groups.find((g) => g.id === id)!));
  } finally {
    db.close();
  }
  return file;
}

describe('kamdbctl create on SQLite', () => {
  it('makes exactly the tables, indexes and version rows of the DDL (standard + presence + extra)', async () => {
    const { rc, db } = sqliteConfig(['INSTALL_PRESENCE_TABLES=yes', 'INSTALL_EXTRA_TABLES=yes']);
    const r = await kamdbctl(['create', '--config', rc, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const result = JSON.parse(r.stdout) as { tables: string[]; groups: string[] };
    const groups = [...STANDARD_MODULES, ...PRESENCE_MODULES, ...EXTRA_MODULES];
    assert.deepEqual(result.groups, groups);
    assert.equal(result.tables.length, 63);

    const expected = ddlDatabase(groups);
    const made = sqliteSchema(db);
    assert.equal(made.filter((o) => o.type === 'table').length, 63);
    assert.deepEqual(made, sqliteSchema(expected));
    const versions = 'SELECT table_name, table_version FROM version ORDER BY table_name';
    assert.deepEqual(sqliteRows(db, versions), sqliteRows(expected, versions));
    assert.equal(sqliteRows(db, versions).length, 63);
  });

  it('the knex migrations make the same tables as the DDL, for all 44 groups', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kamdbctl-knex-')), 'knex.sqlite');
    const k = knex({ client: 'better-sqlite3', connection: { filename: file }, useNullAsDefault: true });
    try {
      const [, applied] = (await k.migrate.latest({ directory: MIGRATIONS, loadExtensions: ['.js'] })) as [number, string[]];
      assert.equal(applied.length, 44);
    } finally {
      await k.destroy();
    }
    const expected = ddlDatabase(INSTALL_ORDER);
    const made = sqliteSchema(file);
    assert.equal(made.filter((o) => o.type === 'table').length, 71);
    assert.deepEqual(made, sqliteSchema(expected));
    const versions = 'SELECT table_name, table_version FROM version ORDER BY table_name';
    assert.deepEqual(sqliteRows(file, versions), sqliteRows(expected, versions));
  });
});
