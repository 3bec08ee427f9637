#!/usr/bin/env node
// Records the SHA-256 and byte length of every <group>-create.sql that an installed
// Kamailio ships (Debian: /usr/share/kamailio/{mysql,postgres,db_sqlite}/) in
// test/fixtures/kamailio-sql-digests.json. The unit test kamailio-ddl.test.ts hashes
// the DDL generated from schemas/ and compares it with this manifest, so the check
// runs offline without keeping copies of Kamailio's files in the repository.
//
// usage: node packages/schema/scripts/record-kamailio-digests.mjs [--check] [--sql-dir DIR] [--out FILE]
//        [--version VERSION]
//
//   --sql-dir DIR      where the dialect directories are (default /usr/share/kamailio)
//   --out FILE         the manifest (default packages/schema/test/fixtures/kamailio-sql-digests.json)
//   --version VERSION  the Kamailio package version to record (default: `dpkg-query -W kamailio`)
//   --check            write nothing; exit 1 when the manifest differs from what would be written
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const DIALECTS = ['mysql', 'postgres', 'db_sqlite'];
/** Debian's package that installs each dialect's directory. */
const DIALECT_PACKAGES = { mysql: 'kamailio-mysql-modules', postgres: 'kamailio-postgres-modules', db_sqlite: 'kamailio-sqlite-modules' };

const { values } = parseArgs({
  options: {
    'sql-dir': { type: 'string', default: '/usr/share/kamailio' },
    out: { type: 'string', default: resolve(here, '../test/fixtures/kamailio-sql-digests.json') },
    version: { type: 'string' },
    check: { type: 'boolean', default: false },
  },
});
const sqlDir = resolve(values['sql-dir']);
const out = resolve(values.out);

/** @param {string} pkg @returns {string | null} the installed version, or null without dpkg or the package */
function dpkgVersion(pkg) {
  try {
    const v = execFileSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return v || null;
  } catch {
    return null;
  }
}

const version = values.version ?? dpkgVersion('kamailio');
if (!version) {
  console.error('record-kamailio-digests: cannot read the kamailio package version (dpkg-query -W kamailio); give --version');
  process.exit(2);
}

/** @type {Record<string, string>} */
const packages = {};
/** @type {Record<string, Record<string, { sha256: string, bytes: number }>>} */
const files = {};
for (const dialect of DIALECTS) {
  const dir = join(sqlDir, dialect);
  if (!existsSync(dir)) {
    console.error(`record-kamailio-digests: ${dir} is missing (install ${DIALECT_PACKAGES[dialect]})`);
    process.exit(2);
  }
  const pkgVersion = values.version ? null : dpkgVersion(DIALECT_PACKAGES[dialect]);
  if (pkgVersion !== null && pkgVersion !== version) {
    console.error(`record-kamailio-digests: ${DIALECT_PACKAGES[dialect]} ${pkgVersion} is not kamailio ${version}`);
    process.exit(2);
  }
  packages[dialect] = DIALECT_PACKAGES[dialect];
  files[dialect] = {};
  for (const name of readdirSync(dir).filter((f) => f.endsWith('-create.sql')).sort()) {
    const data = readFileSync(join(dir, name));
    files[dialect][name] = { sha256: createHash('sha256').update(data).digest('hex'), bytes: data.length };
  }
}

const manifest = {
  comment:
    'SHA-256 and byte length of the <group>-create.sql files that Debian ships; the files themselves are not kept here. ' +
    'Regenerate with packages/schema/scripts/record-kamailio-digests.mjs.',
  kamailio: version,
  source: `${sqlDir}/{${DIALECTS.join(',')}}/*-create.sql`,
  packages,
  files,
};
// One line per file, so that a new Kamailio release shows as a readable diff.
const text = `${JSON.stringify(manifest, null, 2).replace(/\{\n\s+("sha256": "[0-9a-f]{64}"),\n\s+("bytes": \d+)\n\s+\}/g, '{ $1, $2 }')}\n`;
const count = DIALECTS.reduce((n, d) => n + Object.keys(files[d]).length, 0);
const shown = relative(process.cwd(), out) || out;

if (values.check) {
  const current = existsSync(out) ? readFileSync(out, 'utf8') : '';
  if (current !== text) {
    console.error(`${shown} differs from ${count} files of kamailio ${version} in ${sqlDir}`);
    process.exit(1);
  }
  console.log(`${shown} matches ${count} files of kamailio ${version} in ${sqlDir}`);
} else {
  writeFileSync(out, text);
  console.log(`wrote ${count} digests of kamailio ${version} (${sqlDir}) to ${shown}`);
}
