// The typed model read from schemas/, and the per-backend resolution rules.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  defaultSql,
  isXPathNumber,
  readSchemaDir,
  resolveColumn,
  resolveDefault,
  resolveName,
  resolveTable,
  type DefaultVariant,
  type Group,
  type Table,
} from '../src/index.js';
import { SCHEMAS_DIR } from './paths.js';

const schema = readSchemaDir(SCHEMAS_DIR);

function group(id: string): Group {
  const g = schema.groups.find((x) => x.id === id);
  assert.ok(g, `group ${id}`);
  return g;
}

function table(groupId: string, name: string): Table {
  const t = group(groupId).tables.find((x) => resolveName(x, undefined) === name);
  assert.ok(t, `table ${name}`);
  return t;
}

describe('model of schemas/', () => {
  it('entities.xml holds the 5.6.3 values', () => {
    assert.equal(schema.entities.size, 43);
    assert.equal(schema.entities.get('user_len'), '64');
    assert.equal(schema.entities.get('DEFAULT_ALIASES_EXPIRES'), '2030-05-28 21:32:15');
    assert.equal(schema.entities.get('MYSQL_TABLE_TYPE'), '');
  });

  it('group titles and include order', () => {
    assert.equal(group('auth_db').title, 'AUTH_DB Module');
    assert.equal(group('userblocklist').title, 'USERBLACKLIST Module');
    assert.deepEqual(group('presence').includes, ['pr_presentity.xml', 'pr_active_watchers.xml', 'pr_watchers.xml', 'pr_xcap.xml', 'pr_pua.xml']);
    assert.deepEqual(group('presence').tables.map((t) => resolveName(t, undefined)), ['presentity', 'active_watchers', 'watchers', 'xcap', 'pua']);
  });

  it('subscriber (auth_db) columns and indexes', () => {
    const t = resolveTable(table('auth_db', 'subscriber'), undefined);
    assert.equal(t.name, 'subscriber');
    assert.deepEqual(t.versions, ['7']);
    assert.deepEqual(
      t.columns.map((c) => [c.name, c.baseType, c.unsigned, c.size, defaultSql(c.default) ?? null, c.nullable]),
      [
        ['id', 'int', true, '10', null, false],
        ['username', 'string', false, '64', "''", false],
        ['domain', 'string', false, '64', "''", false],
        ['password', 'string', false, '64', "''", false],
        ['ha1', 'string', false, '128', "''", false],
        ['ha1b', 'string', false, '128', "''", false],
      ],
    );
    const id = t.columns[0];
    assert.ok(id?.autoincrement && id.primary);
    assert.deepEqual(
      t.indexes.map((i) => [i.name, i.columns, i.unique, i.primary]),
      [
        ['account_idx', ['username', 'domain'], true, false],
        ['username_idx', ['username'], false, false],
      ],
    );
  });

  it('dbtext override is kept but does not leak into SQL backends', () => {
    const id = table('auth_db', 'subscriber').columns[0];
    assert.ok(id);
    assert.equal(resolveColumn(id, 'dbtext').typeOverride, 'int,auto');
    assert.equal(resolveColumn(id, 'mysql').typeOverride, undefined);
    assert.equal(resolveColumn(id, 'mysql').typeText, 'unsigned int');
  });

  it('location defaults: entity values, numbers unquoted, NULL, oracle override', () => {
    const loc = resolveTable(table('usrloc', 'location'), 'mysql');
    const col = (n: string) => {
      const c = loc.columns.find((x) => x.name === n);
      assert.ok(c, n);
      return c;
    };
    assert.deepEqual(col('expires').default, { kind: 'string', text: '2030-05-28 21:32:15' });
    assert.deepEqual(col('q').default, { kind: 'number', text: '1.0' });
    assert.deepEqual(col('domain').default, { kind: 'null' });
    assert.equal(col('domain').nullable, true);
    const oracle = resolveColumn(col('expires').column, 'oracle');
    assert.deepEqual(oracle.default, { kind: 'verbatim', text: "to_date('2030-05-28 21:32:15','yyyy-mm-dd hh24:mi:ss')" });
  });

  it('colrefs resolve over the whole group, first id wins (active_watchers_pres -> presentity.event)', () => {
    const presentity = table('presence', 'presentity');
    const watchers = table('presence', 'active_watchers');
    const ix = watchers.indexes.find((i) => resolveName(i, undefined) === 'active_watchers_pres');
    assert.ok(ix);
    const event = ix.columns[1];
    assert.equal(event?.linkend, 'event');
    assert.equal(event?.column, presentity.columns.find((c) => c.id === 'event'));
    assert.equal(watchers.columns.find((c) => resolveName(c, undefined) === 'event')?.id, undefined);
    // location_attrs' account_record_idx points at location's columns
    const attrs = table('usrloc', 'location_attrs');
    const location = table('usrloc', 'location');
    const rec = attrs.indexes.find((i) => resolveName(i, undefined) === 'account_record_idx');
    assert.ok(rec?.columns.every((c) => location.columns.includes(c.column)));
  });

  it('oracle-only column name', () => {
    const uid = table('uid_auth_db', 'uid_credentials').columns.find((c) => resolveName(c, undefined) === 'uid');
    assert.ok(uid);
    assert.equal(resolveName(uid, 'oracle'), 'uuid');
    assert.equal(resolveName(uid, 'mysql'), 'uid');
  });

  it('seed rows of uid_global_attrs are kept', () => {
    const t = table('uid_gflags', 'uid_global_attrs');
    assert.deepEqual(t.rowIdentificator, ['global_attrs.name']);
    assert.ok(t.rows.length >= 5);
    assert.deepEqual(t.rows[0]?.values.map((v) => v.column), ['global_attrs.name', 'global_attrs.type', 'global_attrs.value', 'global_attrs.flags']);
  });

  it('every table and column has a description of our own', () => {
    for (const g of schema.groups) {
      for (const t of g.tables) {
        assert.ok(t.description, `${resolveName(t, undefined)}`);
        for (const c of t.columns) assert.ok(c.description, `${resolveName(t, undefined)}.${resolveName(c, undefined)}`);
      }
    }
  });

  it('source locations point into the table files', () => {
    const t = table('auth_db', 'subscriber');
    assert.match(t.file, /subscriber\.xml$/);
    assert.equal(t.at.file, t.file);
    assert.ok(t.columns.every((c) => c.at.file === t.file && c.at.line > t.at.line));
  });
});

describe('resolution rules', () => {
  const d = (text: string, db?: string, isNull = false): DefaultVariant => ({ db, text, isNull, source: text, at: { file: 'x', line: 1 } });

  it('XPath numbers as libxml2 sees them', () => {
    for (const s of ['0', '00', '1.0', '-3', '.5', '1.', ' 42 ', '1e3', '2E-4', '-']) assert.ok(isXPathNumber(s), s);
    for (const s of ['', '+1', '0x10', 'Infinity', '.', '-.', 'e3', '1 e3', '2030-05-28 21:32:15', 'Default-Call-ID']) assert.ok(!isXPathNumber(s), s);
  });

  it('defaults: backend-specific wins and is verbatim; <null/> anywhere wins for the generic default', () => {
    assert.deepEqual(resolveDefault([], 'mysql'), { kind: 'none' });
    assert.deepEqual(resolveDefault([d('abc')], 'mysql'), { kind: 'string', text: 'abc' });
    assert.deepEqual(resolveDefault([d('abc'), d('now()', 'mysql')], 'mysql'), { kind: 'verbatim', text: 'now()' });
    assert.deepEqual(resolveDefault([d('abc'), d('', 'oracle', true)], 'mysql'), { kind: 'null' });
    assert.deepEqual(resolveDefault([d('x', 'oracle')], 'mysql'), { kind: 'string', text: 'x' });
    assert.equal(defaultSql({ kind: 'string', text: "it's" }), "'it's'");
  });
});
