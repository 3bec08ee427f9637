// For every group of Kamailio 5.6.3 and every SQL dialect, the DDL generated from
// ../../schemas must be byte-identical to the SQL file Debian's kamailio 5.6.3-2 ships.
// The repository keeps only the SHA-256 and length of each shipped file
// (fixtures/kamailio-sql-digests.json, written by scripts/record-kamailio-digests.mjs),
// so this runs offline; when /usr/share/kamailio is installed, a mismatch also shows
// the first differing line.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DIALECTS, type Dialect, generateDdl, KAMAILIO_SCHEMA_VERSION, mysqlDdl, postgresDdl, readSchemaDir, sqliteDdl } from '../src/index.js';
import { INSTALLED_KAMAILIO_SQL_DIR, KAMAILIO_SQL_DIGESTS, SCHEMAS_DIR } from './paths.js';

const schema = readSchemaDir(SCHEMAS_DIR);

interface Digest {
  sha256: string;
  bytes: number;
}
interface DigestManifest {
  kamailio: string;
  files: Record<Dialect, Record<string, Digest>>;
}
const manifest = JSON.parse(readFileSync(KAMAILIO_SQL_DIGESTS, 'utf8')) as DigestManifest;

const EXPECTED_GROUPS = [
  'acc', 'alias_db', 'auth_db', 'avpops', 'carrierroute', 'cpl', 'dialog', 'dialplan', 'dispatcher', 'domain',
  'domainpolicy', 'drouting', 'group', 'htable', 'imc', 'lcr', 'matrix', 'mohqueue', 'msilo', 'mtree', 'pdt',
  'permissions', 'pipelimit', 'presence', 'purple', 'registrar', 'rls', 'rtpengine', 'rtpproxy', 'sca', 'secfilter',
  'siptrace', 'speeddial', 'standard', 'topos', 'uac', 'uid_auth_db', 'uid_avp_db', 'uid_domain', 'uid_gflags',
  'uid_uri_db', 'uri_db', 'userblocklist', 'usrloc',
];

/**
 * Files Debian ships that no XML group makes: Kamailio keeps them as hand-written SQL
 * (utils/kamctl/mysql/ims_*-create.sql). Not generated here, so not compared here; the interop
 * test test/interop/kamailio-xml-schema.test.ts checks them against Kamailio's source.
 */
const NO_XML_SOURCE: Record<Dialect, string[]> = {
  mysql: ['ims_charging', 'ims_dialog', 'ims_usrloc_pcscf', 'ims_usrloc_scscf'],
  postgres: [],
  db_sqlite: [],
};

function digest(data: string | Buffer): Digest {
  return { sha256: createHash('sha256').update(data).digest('hex'), bytes: Buffer.byteLength(data) };
}

/** `line` from around `column` (0-based), at most 100 characters, quoted. */
function excerpt(line: string | undefined, column: number): string {
  if (line === undefined) return '(end of file)';
  const from = Math.max(0, column - 40);
  return `${from > 0 ? '…' : ''}${JSON.stringify(line.slice(from, from + 100))}${line.length > from + 100 ? '…' : ''}`;
}

/** The first line and column (1-based) where the shipped and generated text differ, with both lines. */
function firstDifference(shipped: string, generated: string): string {
  let i = 0;
  while (i < shipped.length && i < generated.length && shipped[i] === generated[i]) i++;
  const lineNo = shipped.slice(0, i).split('\n').length;
  const column = i - (shipped.lastIndexOf('\n', i - 1) + 1);
  const a = shipped.split('\n');
  const b = generated.split('\n');
  const atEnd = (s: string) => i >= s.length;
  const next = (s: string) => (atEnd(s) ? 'end of file' : JSON.stringify(s.slice(i, i + 8)));
  return [
    `first difference at line ${lineNo}, column ${column + 1} (kamailio ${next(shipped)}, generated ${next(generated)}):`,
    `  kamailio:  ${atEnd(shipped) ? '(end of file)' : excerpt(a[lineNo - 1], column)}`,
    `  generated: ${atEnd(generated) ? '(end of file)' : excerpt(b[lineNo - 1], column)}`,
  ].join('\n');
}

/** Why the generated DDL of `file` does not match the manifest, with a hint from the installed file if there is one. */
function mismatch(dialect: Dialect, file: string, generated: string, expected: Digest): string {
  const got = digest(generated);
  const lines = [
    `${dialect}/${file}: the DDL generated from schemas/ (${got.bytes} bytes, sha256 ${got.sha256}) ` +
      `is not Debian kamailio ${manifest.kamailio}'s (${expected.bytes} bytes, sha256 ${expected.sha256})`,
  ];
  const installed = join(INSTALLED_KAMAILIO_SQL_DIR, dialect, file);
  if (!existsSync(installed)) {
    lines.push(`(${installed} is not installed: no first-difference hint; see scripts/record-kamailio-digests.mjs)`);
  } else {
    const data = readFileSync(installed);
    const have = digest(data);
    if (have.sha256 !== expected.sha256) {
      lines.push(`(${installed} is not the recorded file (sha256 ${have.sha256}): another Kamailio version is installed; no hint)`);
    } else {
      lines.push(`${installed}: ${firstDifference(data.toString('utf8'), generated)}`);
    }
  }
  return lines.join('\n');
}

describe('schemas/ covers Kamailio 5.6.3', () => {
  it('has exactly the 44 groups of the Debian package, with 71 tables', () => {
    assert.deepEqual(schema.groups.map((g) => g.id), EXPECTED_GROUPS);
    assert.equal(schema.groups.reduce((n, g) => n + g.tables.length, 0), 71);
  });

  it(`the digests are of Debian's kamailio ${KAMAILIO_SCHEMA_VERSION}`, () => {
    assert.match(manifest.kamailio, new RegExp(`^${KAMAILIO_SCHEMA_VERSION.replace(/\./g, '\\.')}-`));
    assert.deepEqual(Object.keys(manifest.files).sort(), [...DIALECTS].sort());
  });

  for (const dialect of DIALECTS) {
    it(`has a digest for every group and a group for every digest (${dialect})`, () => {
      const files = Object.keys(manifest.files[dialect]).sort();
      assert.deepEqual(files, [...EXPECTED_GROUPS, ...NO_XML_SOURCE[dialect]].map((g) => `${g}-create.sql`).sort());
    });
  }
});

for (const dialect of DIALECTS) {
  describe(`${dialect} DDL is byte-identical to kamailio 5.6.3`, () => {
    for (const group of schema.groups) {
      const file = `${group.id}-create.sql`;
      it(file, () => {
        const expected = manifest.files[dialect][file];
        assert.ok(expected, `${dialect}/${file}: no digest in ${KAMAILIO_SQL_DIGESTS}`);
        const generated = generateDdl(group, dialect);
        const got = digest(generated);
        if (got.sha256 !== expected.sha256 || got.bytes !== expected.bytes) assert.fail(mismatch(dialect, file, generated, expected));
      });
    }
  });
}

describe('mismatch hints', () => {
  it('point at the first differing line and column', () => {
    assert.equal(
      firstDifference('CREATE TABLE a (\n    id INT\n);\n', 'CREATE TABLE a (\n    id BIGINT\n);\n'),
      'first difference at line 2, column 8 (kamailio "INT\\n);\\n", generated "BIGINT\\n)"):\n  kamailio:  "    id INT"\n  generated: "    id BIGINT"',
    );
    assert.equal(
      firstDifference('a\nb\n', 'a\n'),
      'first difference at line 2, column 1 (kamailio "b\\n", generated end of file):\n  kamailio:  "b"\n  generated: (end of file)',
    );
  });
});

describe('one function per dialect', () => {
  it('mysqlDdl / postgresDdl / sqliteDdl agree with generateDdl', () => {
    for (const g of schema.groups) {
      assert.equal(mysqlDdl(g), generateDdl(g, 'mysql'));
      assert.equal(postgresDdl(g), generateDdl(g, 'postgres'));
      assert.equal(sqliteDdl(g), generateDdl(g, 'db_sqlite'));
    }
  });
});
