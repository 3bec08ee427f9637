// Fed Kamailio's own XML table definitions (src/lib/srdb1/schema of the installed version's Debian
// source package, downloaded and verified by kamailio-source.ts), our generator gives exactly the
// SQL that Debian's package ships in /usr/share/kamailio/{mysql,postgres,db_sqlite}, for every
// group; and the same result as from our schemas/. Our kamdbctl takes that directory with
// --schema-dir and creates the same SQLite database as the real kamdbctl.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { DIALECTS, generateDdl, readSchemaDir, type Schema } from '@kamkit/schema';

import { readLabEnv } from '../harness/index.mjs';
import { extract, extractSchemaXml, kamailioSourceTarball } from './kamailio-source.js';
import { kamctlrc, ours, real, SCHEMAS, show } from './kamdbctl-helpers.js';
import { sqliteStructure } from './sqlite-structure.js';

const SHIPPED_SQL = '/usr/share/kamailio';

describe("Kamailio's own XML table definitions through our generator", () => {
  const work = mkdtempSync(join(tmpdir(), 'kamailio-xml-'));
  let xmlDir = '';
  let sourceFile = '';
  let kamailio: Schema;
  const mine = readSchemaDir(SCHEMAS);

  before(
    async () => {
      const source = await kamailioSourceTarball();
      process.stderr.write(`# kamailio ${source.version.debian} source: ${source.file} (sha256 ${source.sha256}, from ${source.from})\n`);
      sourceFile = source.file;
      xmlDir = await extractSchemaXml(source.file, join(work, 'xml'));
      kamailio = readSchemaDir(xmlDir);
    },
    { timeout: 600_000 },
  );
  after(() => rmSync(work, { recursive: true, force: true }));

  for (const dialect of DIALECTS) {
    test(`${dialect}: every ${SHIPPED_SQL}/${dialect}/<group>-create.sql made from XML, byte for byte`, async () => {
      const files = readdirSync(join(SHIPPED_SQL, dialect)).filter((f) => f.endsWith('-create.sql')).sort();
      const generated: string[] = [];
      const handWritten: string[] = [];
      for (const file of files) {
        const shipped = readFileSync(join(SHIPPED_SQL, dialect, file), 'utf8');
        const group = kamailio.groups.find((g) => `${g.id}-create.sql` === file);
        if (group) {
          assert.equal(generateDdl(group, dialect), shipped, `${dialect}/${file}`);
          generated.push(group.id);
        } else {
          handWritten.push(file);
        }
      }
      assert.deepEqual(generated, mine.groups.map((g) => g.id), 'the 44 groups, each compared');
      // A file with no XML group (Debian's MySQL IMS tables) is SQL that Kamailio's source keeps
      // as written, in utils/kamctl/<dialect>/: Debian ships it as it is; no stylesheet made it.
      if (handWritten.length > 0) {
        const top = await extract(sourceFile, join(work, `sql-${dialect}`), handWritten.map((f) => `utils/kamctl/${dialect}/${f}`));
        for (const file of handWritten) {
          assert.equal(readFileSync(join(SHIPPED_SQL, dialect, file), 'utf8'), readFileSync(join(top, 'utils/kamctl', dialect, file), 'utf8'), `${dialect}/${file}`);
        }
      }
    });
  }

  test('Kamailio\'s XML and our schemas/ have the same 44 groups, and each gives the same DDL in all three dialects', () => {
    assert.deepEqual(kamailio.groups.map((g) => g.id), mine.groups.map((g) => g.id));
    assert.equal(mine.groups.length, 44);
    for (const [i, group] of mine.groups.entries()) {
      for (const dialect of DIALECTS) assert.equal(generateDdl(group, dialect), generateDdl(kamailio.groups[i]!, dialect), `${group.id} (${dialect})`);
    }
  });

  test('our kamdbctl create --schema-dir <Kamailio XML> on SQLite equals the database made by the real kamdbctl', async () => {
    const env = readLabEnv();
    const settings = (file: string) => [`DBENGINE=SQLITE`, `DB_PATH="${file}"`, 'INSTALL_PRESENCE_TABLES=yes', 'INSTALL_EXTRA_TABLES=yes', 'INSTALL_DBUID_TABLES=no'];
    const ourFile = join(work, 'ours.sqlite');
    const realFile = join(work, 'real.sqlite');
    const ourRc = kamctlrc(settings(ourFile));
    const realRc = kamctlrc(settings(realFile));
    try {
      const r = await ours(ourRc, ['create', '--schema-dir', xmlDir, '--json']);
      assert.equal(r.code, 0, show(r));
      assert.equal((JSON.parse(r.stdout) as { tables: string[] }).tables.length, 63);
      const made = await real(env, realRc, ['create']);
      assert.equal(made.code, 0, show(made));
      assert.ok(existsSync(realFile), show(made));
      const a = sqliteStructure(ourFile);
      const b = sqliteStructure(realFile);
      assert.deepEqual([...a.keys()], [...b.keys()]);
      for (const [table, lines] of b) assert.deepEqual(a.get(table), lines, table);
    } finally {
      for (const rc of [ourRc, realRc]) rmSync(rc.home, { recursive: true, force: true });
    }
  });
});
