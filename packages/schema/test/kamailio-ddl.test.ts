// For every group of Kamailio 5.6.3 and every SQL dialect, the DDL generated from
// ../../schemas must be byte-identical to the SQL file Debian's kamailio 5.6.3-2 ships.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DIALECTS, generateDdl, mysqlDdl, postgresDdl, readSchemaDir, sqliteDdl } from '../src/index.js';
import { KAMAILIO_SQL_DIR, SCHEMAS_DIR } from './paths.js';

const schema = readSchemaDir(SCHEMAS_DIR);

const EXPECTED_GROUPS = [
  'acc', 'alias_db', 'auth_db', 'avpops', 'carrierroute', 'cpl', 'dialog', 'dialplan', 'dispatcher', 'domain',
  'domainpolicy', 'drouting', 'group', 'htable', 'imc', 'lcr', 'matrix', 'mohqueue', 'msilo', 'mtree', 'pdt',
  'permissions', 'pipelimit', 'presence', 'purple', 'registrar', 'rls', 'rtpengine', 'rtpproxy', 'sca', 'secfilter',
  'siptrace', 'speeddial', 'standard', 'topos', 'uac', 'uid_auth_db', 'uid_avp_db', 'uid_domain', 'uid_gflags',
  'uid_uri_db', 'uri_db', 'userblocklist', 'usrloc',
];

describe('schemas/ covers Kamailio 5.6.3', () => {
  it('has exactly the 44 groups of the Debian package, with 71 tables', () => {
    assert.deepEqual(schema.groups.map((g) => g.id), EXPECTED_GROUPS);
    assert.equal(schema.groups.reduce((n, g) => n + g.tables.length, 0), 71);
  });

  for (const dialect of DIALECTS) {
    it(`has a fixture for every group and a group for every fixture (${dialect})`, () => {
      const files = readdirSync(join(KAMAILIO_SQL_DIR, dialect)).filter((f) => f.endsWith('-create.sql')).sort();
      assert.deepEqual(files, EXPECTED_GROUPS.map((g) => `${g}-create.sql`).sort());
    });
  }
});

for (const dialect of DIALECTS) {
  describe(`${dialect} DDL is byte-identical to kamailio 5.6.3`, () => {
    for (const group of schema.groups) {
      it(`${group.id}-create.sql`, () => {
        const expected = readFileSync(join(KAMAILIO_SQL_DIR, dialect, `${group.id}-create.sql`), 'utf8');
        assert.equal(generateDdl(group, dialect), expected);
      });
    }
  });
}

describe('one function per dialect', () => {
  it('mysqlDdl / postgresDdl / sqliteDdl agree with generateDdl', () => {
    for (const g of schema.groups) {
      assert.equal(mysqlDdl(g), generateDdl(g, 'mysql'));
      assert.equal(postgresDdl(g), generateDdl(g, 'postgres'));
      assert.equal(sqliteDdl(g), generateDdl(g, 'db_sqlite'));
    }
  });
});
