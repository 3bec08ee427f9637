// schemas/ is written in the writer's canonical form, and writing a schema and
// reading it back keeps every fact.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DIALECTS, entitiesXml, generateDdl, groupXml, readSchemaDir, tableFileName, tableXml, writeSchemaDir } from '../src/index.js';
import { EDGE_SCHEMA_DIR, SCHEMAS_DIR } from './paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'kamkit-schema-write-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Facts only: drops source locations, descriptions, how text was written and how tables were pulled in. */
function facts(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (k, v: unknown) => (['at', 'file', 'dir', 'description', 'source', 'includes'].includes(k) ? undefined : v)));
}

describe('schema writer', () => {
  const schema = readSchemaDir(SCHEMAS_DIR);

  it('every file in schemas/ is exactly what the writer produces', () => {
    const expected = new Map<string, string>([['entities.xml', entitiesXml(schema.entities, 'Sizes and default values shared by the table definitions.')]]);
    for (const g of schema.groups) {
      expected.set(`kamailio-${g.id}.xml`, groupXml(g));
      for (const t of g.tables) expected.set(tableFileName(g, t), tableXml(t));
    }
    assert.deepEqual(readdirSync(SCHEMAS_DIR).sort(), [...expected.keys()].sort());
    for (const [name, text] of expected) assert.equal(readFileSync(join(SCHEMAS_DIR, name), 'utf8'), text, name);
  });

  for (const [label, dir] of [['schemas/', SCHEMAS_DIR], ['edge schema', EDGE_SCHEMA_DIR]] as const) {
    it(`write + read keeps all facts and the DDL (${label})`, () => {
      const original = readSchemaDir(dir);
      const out = join(tmp, label.replace(/\W/g, '_'));
      writeSchemaDir(original, out);
      const again = readSchemaDir(out);
      assert.deepEqual(facts(again.groups), facts(original.groups));
      for (const [i, g] of original.groups.entries()) {
        const g2 = again.groups[i];
        assert.ok(g2);
        for (const d of DIALECTS) assert.equal(generateDdl(g2, d), generateDdl(g, d), `${g.id} ${d}`);
      }
    });
  }
});
