// Bad schema input: a missing schema directory and broken XML give a clear message (file:line and
// the element for XML), a non-zero exit, and no database file left behind, also when the broken
// file belongs to a group read after earlier groups' tables were made.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { cleanEnv, kamdbctl, SCHEMAS, sqliteConfig } from './helpers.js';

/** A copy of schemas/ with `edit` applied to one file. */
function schemaCopy(file: string, edit: (xml: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kamdbctl-schema-'));
  cpSync(SCHEMAS, dir, { recursive: true });
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  assert.notEqual(after, before, `the edit changes ${file}`);
  writeFileSync(path, after);
  return dir;
}

describe('kamdbctl with a bad schema directory', () => {
  it('a missing --schema-dir (or KAMDBCTL_SCHEMA_DIR): exit 2, nothing created', async () => {
    const { rc, db } = sqliteConfig();
    const r = await kamdbctl(['create', '-c', rc, '--schema-dir', '/nonexistent/schemas']);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /\/nonexistent\/schemas holds no Kamailio schema \(kamailio-standard\.xml\)/);
    assert.equal(existsSync(db), false);

    const viaEnv = await kamdbctl(['create', '-c', rc], { env: cleanEnv({ KAMDBCTL_SCHEMA_DIR: '/nonexistent/schemas' }) });
    assert.equal(viaEnv.code, 2, viaEnv.stderr);
    assert.match(viaEnv.stderr, /\/nonexistent\/schemas holds no Kamailio schema/);
    assert.equal(existsSync(db), false);

    const json = await kamdbctl(['create', '-c', rc, '--schema-dir', '/nonexistent/schemas', '--json']);
    assert.equal(json.code, 2);
    assert.equal((JSON.parse(json.stdout) as { error: { kind: string } }).error.kind, 'usage');
  });

  it('a directory without entities.xml: the error names the file and line that load it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kamdbctl-schema-'));
    cpSync(SCHEMAS, dir, { recursive: true });
    rmSync(join(dir, 'entities.xml'));
    const { rc, db } = sqliteConfig();
    const r = await kamdbctl(['create', '-c', rc, '--schema-dir', dir]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /^kamdbctl: schema: .*\/kamailio-standard\.xml:\d+: .*entities\.xml/m);
    assert.equal(existsSync(db), false);
  });

  it('broken XML in a group read after the standard tables were made: file:line and element, exit 1, no database left', async () => {
    // pr_watchers.xml belongs to the presence group, read only once the standard set is created.
    const dir = schemaCopy('pr_watchers.xml', (xml) => xml.replace('<type>unsigned int</type>', '<type>unsigned int</typ>'));
    const { rc, db } = sqliteConfig(['INSTALL_PRESENCE_TABLES=yes']);
    const r = await kamdbctl(['create', '-c', rc, '--schema-dir', dir]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /pr_watchers\.xml:\d+: <type>: end tag <\/typ> does not match <type>/);
    assert.equal(existsSync(db), false, 'the database file this run made is removed');
  });

  it('add-tables with broken XML leaves the existing database as it was', async () => {
    const { rc, db } = sqliteConfig();
    assert.equal((await kamdbctl(['create', '-c', rc])).code, 0);
    const before = readFileSync(db);
    const dir = schemaCopy('kamailio-imc.xml', (xml) => xml.replace('<name>', '<name attr=>'));
    const r = await kamdbctl(['add-tables', 'imc', '-c', rc, '--schema-dir', dir]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /kamailio-imc\.xml:\d+: <name>: /);
    assert.deepEqual(readFileSync(db), before);
  });
});
