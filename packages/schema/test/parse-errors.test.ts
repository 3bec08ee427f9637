// Broken schema inputs must fail with a SchemaError that names the file, the
// line and the element the problem is about.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readGroupFile, readSchemaDir, readTableFile, SchemaError } from '../src/index.js';

const ENTITIES = '<!ENTITY user_len "64">\n<!ENTITY table_id_len "10">\n';
const TABLE_PROLOG = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE table PUBLIC "-//kamailio.org//DTD DBSchema V1.1//EN"
  "http://kamailio.org/pub/kamailio/dbschema/dtd/1.1/dbschema.dtd" [
  <!ENTITY % entities SYSTEM "entities.xml">
  %entities;
]>
`; // 6 lines: the <table> start tag below is on line 7

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kamkit-schema-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'entities.xml'), ENTITIES);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A table file whose body lines start at line 7. */
function table(body: string): string {
  return TABLE_PROLOG + body;
}

function group(...hrefs: string[]): string {
  return (
    TABLE_PROLOG.replace('DOCTYPE table', 'DOCTYPE database') +
    '<database xmlns:xi="http://www.w3.org/2001/XInclude">\n' + // line 7
    '    <name>TEST Module</name>\n' + // line 8
    hrefs.map((h) => `    <xi:include href="${h}"/>\n`).join('') + // lines 9..
    '</database>\n'
  );
}

const GOOD_COLUMNS = `<table id="t">
    <name>t</name>
    <version>1</version>
    <column id="id">
        <name>id</name>
        <type>unsigned int</type>
        <size>&table_id_len;</size>
        <autoincrement/>
        <primary/>
    </column>
`; // lines 7..16

interface Expected {
  file: string;
  line: number;
  element: string;
  reason: RegExp;
}

function expectError(read: () => unknown, dir: string, e: Expected): void {
  assert.throws(read, (err: unknown) => {
    assert.ok(err instanceof SchemaError, `expected a SchemaError, got ${String(err)}`);
    assert.equal(err.file, join(dir, e.file));
    assert.equal(err.line, e.line, err.message);
    assert.equal(err.element, e.element, err.message);
    assert.match(err.reason, e.reason);
    assert.equal(err.message, `${join(dir, e.file)}:${e.line}: ${e.element ? `<${e.element}>: ` : ''}${err.reason}`);
    return true;
  });
}

describe('XML syntax errors', () => {
  it('mismatched end tag', () => {
    const dir = dirWith({ 't.xml': table('<table>\n    <name>t</nam>\n</table>\n') });
    expectError(() => readTableFile(join(dir, 't.xml')), dir, { file: 't.xml', line: 8, element: 'name', reason: /end tag <\/nam> does not match <name>/ });
  });

  it('element never closed', () => {
    const dir = dirWith({ 't.xml': table('<table>\n    <name>t</name>\n    <column>\n        <name>x</name>\n</table>\n') });
    expectError(() => readTableFile(join(dir, 't.xml')), dir, { file: 't.xml', line: 11, element: 'column', reason: /end tag <\/table> does not match <column> opened at line 9/ });
    const dir2 = dirWith({ 't.xml': table('<table>\n    <name>t</name>\n    <column>\n') });
    expectError(() => readTableFile(join(dir2, 't.xml')), dir2, { file: 't.xml', line: 9, element: 'column', reason: /never closed/ });
  });

  it('undefined entity', () => {
    const dir = dirWith({ 't.xml': table(GOOD_COLUMNS + '    <column>\n        <name>u</name>\n        <type>string</type>\n        <size>&user_lenn;</size>\n    </column>\n</table>\n') });
    expectError(() => readTableFile(join(dir, 't.xml')), dir, { file: 't.xml', line: 20, element: 'size', reason: /undefined entity &user_lenn;/ });
  });

  it('bare ampersand', () => {
    const dir = dirWith({ 't.xml': table('<table>\n    <name>a & b</name>\n</table>\n') });
    expectError(() => readTableFile(join(dir, 't.xml')), dir, { file: 't.xml', line: 8, element: 'name', reason: /malformed entity reference/ });
  });

  it('unquoted attribute value', () => {
    const dir = dirWith({ 't.xml': table('<table>\n    <column id=x>\n    </column>\n</table>\n') });
    expectError(() => readTableFile(join(dir, 't.xml')), dir, { file: 't.xml', line: 8, element: 'column', reason: /expected a quoted value for attribute id/ });
  });

  it('entities.xml missing: reported at the parameter entity reference', () => {
    const dir = dirWith({ 't.xml': table('<table/>\n') });
    rmSync(join(dir, 'entities.xml'));
    expectError(() => readTableFile(join(dir, 't.xml')), dir, { file: 't.xml', line: 5, element: '!DOCTYPE', reason: /cannot read .*entities\.xml for %entities;/ });
  });

  it('syntax error inside entities.xml names entities.xml', () => {
    const dir = dirWith({ 't.xml': table('<table/>\n') });
    writeFileSync(join(dir, 'entities.xml'), '<!ENTITY a "1">\n<!ENTITY b "2>\n');
    expectError(() => readTableFile(join(dir, 't.xml')), dir, { file: 'entities.xml', line: 2, element: '!ENTITY', reason: /unterminated quoted literal/ });
  });
});

describe('schema errors', () => {
  it('unsupported column type', () => {
    const dir = dirWith({ 't.xml': table(GOOD_COLUMNS + '    <column>\n        <name>u</name>\n        <type>strin</type>\n    </column>\n</table>\n') });
    expectError(() => readTableFile(join(dir, 't.xml')), dir, { file: 't.xml', line: 19, element: 'type', reason: /column u: unsupported column type "strin"/ });
  });

  it('autoincrement on a non-integer column', () => {
    const dir = dirWith({ 't.xml': table('<table>\n    <name>t</name>\n    <version>1</version>\n    <column>\n        <name>s</name>\n        <type>string</type>\n        <autoincrement/>\n    </column>\n</table>\n') });
    expectError(() => readTableFile(join(dir, 't.xml')), dir, { file: 't.xml', line: 12, element: 'type', reason: /<autoincrement\/> needs type int/ });
  });

  it('colref to an id that no column has', () => {
    const dir = dirWith({ 't.xml': table(GOOD_COLUMNS + '    <index>\n        <name>x_idx</name>\n        <colref linkend="nope"/>\n    </index>\n</table>\n') });
    expectError(() => readTableFile(join(dir, 't.xml')), dir, { file: 't.xml', line: 19, element: 'colref', reason: /table t: no column with id "nope"/ });
  });

  it('misspelt element', () => {
    const dir = dirWith({ 't.xml': table(GOOD_COLUMNS + '    <colum>\n        <name>u</name>\n    </colum>\n</table>\n') });
    expectError(() => readTableFile(join(dir, 't.xml')), dir, { file: 't.xml', line: 17, element: 'colum', reason: /unexpected element inside <table>/ });
  });

  it('version that is not a whole number', () => {
    const dir = dirWith({ 't.xml': table('<table>\n    <name>t</name>\n    <version>v2</version>\n</table>\n') });
    expectError(() => readTableFile(join(dir, 't.xml')), dir, { file: 't.xml', line: 9, element: 'version', reason: /version must be a whole number, got "v2"/ });
  });

  it('duplicate column name', () => {
    const dir = dirWith({ 't.xml': table(GOOD_COLUMNS + '    <column>\n        <name>id</name>\n        <type>int</type>\n    </column>\n</table>\n') });
    expectError(() => readTableFile(join(dir, 't.xml')), dir, { file: 't.xml', line: 17, element: 'column', reason: /duplicate column "id" \(first defined at line 10\)/ });
  });

  it('flag element with content', () => {
    const dir = dirWith({ 't.xml': table(GOOD_COLUMNS.replace('<primary/>', '<primary>yes</primary>') + '</table>\n') });
    expectError(() => readTableFile(join(dir, 't.xml')), dir, { file: 't.xml', line: 15, element: 'primary', reason: /must be empty/ });
  });

  it('table without name', () => {
    const dir = dirWith({ 't.xml': table('<table>\n    <version>1</version>\n</table>\n') });
    expectError(() => readTableFile(join(dir, 't.xml')), dir, { file: 't.xml', line: 7, element: 'table', reason: /missing <name>/ });
  });
});

describe('group files', () => {
  it('missing included table file: reported at the xi:include', () => {
    const dir = dirWith({ 'kamailio-test.xml': group('t.xml', 'missing.xml'), 't.xml': table(GOOD_COLUMNS + '</table>\n') });
    expectError(() => readGroupFile(join(dir, 'kamailio-test.xml')), dir, { file: 'kamailio-test.xml', line: 10, element: 'xi:include', reason: /cannot read "missing.xml"/ });
  });

  it('errors inside an included file name that file, not the group', () => {
    const dir = dirWith({ 'kamailio-test.xml': group('t.xml'), 't.xml': table(GOOD_COLUMNS + '    <column>\n        <name>u</name>\n        <type>strin</type>\n    </column>\n</table>\n') });
    expectError(() => readSchemaDir(dir), dir, { file: 't.xml', line: 19, element: 'type', reason: /unsupported column type/ });
  });

  it('a colref may point into an earlier table of the same group, but not of another group', () => {
    const second = table('<table>\n    <name>t2</name>\n    <version>1</version>\n    <column><name>other</name><type>int</type></column>\n    <index><name>i</name><colref linkend="id"/></index>\n</table>\n');
    const dir = dirWith({ 'kamailio-test.xml': group('t.xml', 't2.xml'), 't.xml': table(GOOD_COLUMNS + '</table>\n'), 't2.xml': second });
    const g = readGroupFile(join(dir, 'kamailio-test.xml'));
    assert.equal(g.tables[1]?.indexes[0]?.columns[0]?.column, g.tables[0]?.columns[0]);
    expectError(() => readTableFile(join(dir, 't2.xml')), dir, { file: 't2.xml', line: 11, element: 'colref', reason: /no column with id "id"/ });
  });

  it('group file whose root is not <database>', () => {
    const dir = dirWith({ 'kamailio-test.xml': table(GOOD_COLUMNS + '</table>\n') });
    expectError(() => readGroupFile(join(dir, 'kamailio-test.xml')), dir, { file: 'kamailio-test.xml', line: 7, element: 'table', reason: /must have <database> as its root/ });
  });

  it('unsupported XInclude features', () => {
    const dir = dirWith({ 'kamailio-test.xml': group('t.xml').replace('href="t.xml"', 'href="t.xml" parse="text"'), 't.xml': table('<table/>\n') });
    expectError(() => readGroupFile(join(dir, 'kamailio-test.xml')), dir, { file: 'kamailio-test.xml', line: 9, element: 'xi:include', reason: /parse="text" is not supported/ });
  });

  it('a file that includes itself', () => {
    const dir = dirWith({ 'kamailio-test.xml': group('kamailio-test.xml') });
    expectError(() => readGroupFile(join(dir, 'kamailio-test.xml')), dir, { file: 'kamailio-test.xml', line: 9, element: 'xi:include', reason: /includes itself/ });
  });
});
