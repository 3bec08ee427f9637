// migrations/ holds one knex migration per group, generated from schemas/; they
// must be exactly what the generator produces now, and must run the same SQL.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { DIALECTS, generateDdl, INSTALL_ORDER, KAMAILIO_SCHEMA_VERSION, knexMigrations, readSchemaDir, type Dialect } from '../src/index.js';
import { MIGRATIONS_DIR, SCHEMAS_DIR } from './paths.js';

const schema = readSchemaDir(SCHEMAS_DIR);
const generated = knexMigrations(schema.groups, KAMAILIO_SCHEMA_VERSION);

interface MigrationModule {
  readonly group: string;
  readonly kamailioVersion: string;
  readonly tableVersions: Record<string, number>;
  up(knex: unknown): Promise<void>;
  down(knex: unknown): Promise<void>;
}

function fakeKnex(client: string): { knex: unknown; sql: string[] } {
  const sql: string[] = [];
  const knex = {
    client: { config: { client } },
    raw: async (s: string) => {
      sql.push(s);
      return [];
    },
  };
  return { knex, sql };
}

const CLIENTS: Record<Dialect, readonly string[]> = {
  mysql: ['mysql', 'mysql2'],
  postgres: ['pg', 'postgres', 'postgresql'],
  db_sqlite: ['sqlite3', 'better-sqlite3'],
};

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('knex migrations in migrations/', () => {
  it('one file per group, in kamdbctl creation order, standard first', () => {
    assert.equal(generated.length, 44);
    assert.equal(generated[0]?.name, '050603_01_standard.js');
    assert.deepEqual(generated.map((m) => m.group.id), INSTALL_ORDER);
    const onDisk = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.js')).sort();
    assert.deepEqual(onDisk, generated.map((m) => m.name).sort());
  });

  it('every checked-in file is exactly what the generator produces from schemas/', () => {
    for (const m of generated) assert.equal(readFileSync(join(MIGRATIONS_DIR, m.name), 'utf8'), m.text, m.name);
  });

  for (const m of generated) {
    it(`${m.name}: up runs the ${m.group.id}-create.sql statements for each client; down undoes it`, async () => {
      const mod = (await import(pathToFileURL(join(MIGRATIONS_DIR, m.name)).href)) as MigrationModule;
      assert.equal(mod.group, m.group.id);
      assert.equal(mod.kamailioVersion, KAMAILIO_SCHEMA_VERSION);
      for (const dialect of DIALECTS) {
        for (const client of CLIENTS[dialect]) {
          const up = fakeKnex(client);
          await mod.up(up.knex);
          assert.equal(squash(up.sql.map((s) => `${s};`).join('\n')), squash(generateDdl(m.group, dialect)), `${m.name} ${client}`);
          const down = fakeKnex(client);
          await mod.down(down.knex);
          const drops = down.sql.filter((s) => s.startsWith('DROP TABLE '));
          assert.equal(drops.length, m.group.tables.length);
          assert.equal(down.sql.some((s) => s.startsWith('DELETE FROM version ')), m.group.id !== 'standard');
        }
      }
    });
  }

  it('refuses an unknown knex client', async () => {
    const mod = (await import(pathToFileURL(join(MIGRATIONS_DIR, generated[1]?.name ?? '')).href)) as MigrationModule;
    await assert.rejects(mod.up(fakeKnex('oracledb').knex), /unsupported knex client oracledb/);
  });
});
