// Rules that Kamailio 5.6.3's own schema never exercises (backend overrides,
// table-level primary keys, unnamed indexes, ENGINE, exotic defaults, ...).
// The expected files were produced by running Kamailio 5.6.3's stylesheets
// (doc/stylesheets/dbschema_k/xsl/{mysql,postgres,db_sqlite}.xsl) with xsltproc
// (libxml2 2.9.14, libxslt 1.1.35) on test/fixtures/edge-schema.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DIALECTS, generateDdl, readSchemaDir } from '../src/index.js';
import { EDGE_SCHEMA_DIR } from './paths.js';

const schema = readSchemaDir(EDGE_SCHEMA_DIR);

describe('edge cases match the output of Kamailio 5.6.3 stylesheets', () => {
  it('reads both edge groups', () => {
    assert.deepEqual(schema.groups.map((g) => g.id), ['edge', 'edge_inline']);
  });
  for (const group of schema.groups) {
    for (const dialect of DIALECTS) {
      it(`${group.id} / ${dialect}`, () => {
        const expected = readFileSync(join(EDGE_SCHEMA_DIR, 'expected', dialect, `${group.id}-create.sql`), 'utf8');
        assert.equal(generateDdl(group, dialect), expected);
      });
    }
  }
});
