/**
 * Turns `<table>` elements (already XInclude-expanded) into model tables.
 *
 * Column references are resolved the way Kamailio's stylesheets do it: the XSL
 * key `column_id` indexes `column/@id` over the whole document, and the first
 * column with a given id wins. So all tables of one document are read together:
 * first their columns, then their indexes.
 */
import { SchemaError } from '../errors.js';
import { resolveColumn, resolveName } from '../model/resolve.js';
import {
  isColumnType,
  type Column,
  type ColumnReference,
  type DefaultVariant,
  type Index,
  type SeedRow,
  type Table,
  type Variant,
} from '../model/types.js';
import { childElements, normalizeSpace, stringValue, type XmlElement } from '../xml/nodes.js';
import { at, description, firstText, firstTextVariant, variant } from './xml-values.js';

/** The backends whose DDL this package generates; their type rules are checked while reading. */
const SQL_BACKENDS = ['mysql', 'postgres', 'db_sqlite'] as const;

const TABLE_CHILDREN = new Set(['name', 'version', 'type', 'description', 'column', 'index', 'verbatim', 'row-identificator', 'row']);
/** `index` inside a column occurs once in Kamailio 5.6.3 (presentity.expires) and is ignored there too. */
const COLUMN_CHILDREN = new Set(['name', 'type', 'size', 'default', 'null', 'primary', 'autoincrement', 'natural', 'description', 'index']);
const INDEX_CHILDREN = new Set(['name', 'colref', 'unique', 'primary', 'description']);
const FLAG_ELEMENTS = new Set(['null', 'primary', 'autoincrement', 'natural', 'unique']);

export function readTables(elements: readonly XmlElement[]): Table[] {
  const columnsOf = elements.map((el) => {
    checkChildren(el, TABLE_CHILDREN);
    return childElements(el, 'column').map((c) => ({ el: c, column: readColumn(c) }));
  });

  const byId = new Map<string, Column>();
  for (const cols of columnsOf) {
    for (const { column } of cols) if (column.id !== undefined && !byId.has(column.id)) byId.set(column.id, column);
  }

  return elements.map((el, i) => readTable(el, (columnsOf[i] ?? []).map((c) => c.column), byId));
}

function readTable(el: XmlElement, columns: Column[], byId: ReadonlyMap<string, Column>): Table {
  const names = childElements(el, 'name').map((n) => variant(n));
  if (names.length === 0) throw new SchemaError(at(el), 'table', 'missing <name>');
  const tableName = resolveName({ names }, undefined);
  if (tableName === '') throw new SchemaError(names[0]?.at ?? at(el), 'name', 'empty table name');

  const versionEls = childElements(el, 'version');
  const first = versionEls[0];
  if (!first) throw new SchemaError(at(el), 'table', `table ${tableName}: missing <version>`);
  if (versionEls.length > 1) throw new SchemaError(at(versionEls[1] ?? first), 'version', `table ${tableName}: more than one <version>`);
  const versionText = firstText(first);
  if (!/^[0-9]+$/.test(normalizeSpace(versionText))) {
    throw new SchemaError(at(first), 'version', `table ${tableName}: version must be a whole number, got "${normalizeSpace(stringValue(first))}"`);
  }

  const seen = new Map<string, Column>();
  for (const column of columns) {
    const name = resolveName(column, undefined);
    const earlier = seen.get(name);
    if (earlier) {
      throw new SchemaError(column.at, 'column', `table ${tableName}: duplicate column "${name}" (first defined at line ${earlier.at.line})`);
    }
    seen.set(name, column);
  }

  const indexes = childElements(el, 'index').map((i) => readIndex(i, byId, tableName));
  const rowIdentificator = childElements(el, 'row-identificator').flatMap((r) =>
    childElements(r, 'colref').map((c) => requiredAttribute(c, 'linkend')),
  );
  const rows: SeedRow[] = childElements(el, 'row').map((r) => ({
    values: childElements(r, 'value').map((v) => ({ column: requiredAttribute(v, 'col'), text: stringValue(v) })),
    vendorControlled: r.attributes.get('vendor-controlled') === '1',
    at: at(r),
  }));

  return {
    id: el.attributes.get('id'),
    names,
    versions: [firstTextVariant(first)],
    types: childElements(el, 'type').map((t) => variant(t)),
    columns,
    indexes,
    rowIdentificator,
    rows,
    description: description(childElements(el, 'description')[0]),
    file: el.file,
    at: at(el),
  };
}

function readColumn(el: XmlElement): Column {
  checkChildren(el, COLUMN_CHILDREN);
  const names = childElements(el, 'name').map((n) => variant(n));
  if (names.length === 0 || resolveName({ names }, undefined) === '') throw new SchemaError(at(el), 'column', 'missing or empty <name>');
  const columnName = resolveName({ names }, undefined);
  const types = childElements(el, 'type').map((t) => variant(t));
  if (types.length === 0) throw new SchemaError(at(el), 'column', `column ${columnName}: missing <type>`);

  const defaults: DefaultVariant[] = childElements(el, 'default').map((d) => {
    const inner = childElements(d);
    const bad = inner.find((c) => c.name !== 'null');
    if (bad) throw new SchemaError(at(bad), bad.name, `column ${columnName}: only <null/> may appear inside <default>`);
    return { ...variant(d), isNull: inner.length > 0 };
  });

  const column: Column = {
    id: el.attributes.get('id'),
    names,
    types,
    sizes: childElements(el, 'size').map((s) => variant(s)),
    defaults,
    nulls: childElements(el, 'null').map((n) => variant(n)),
    primary: childElements(el, 'primary').length > 0,
    autoincrement: childElements(el, 'autoincrement').length > 0,
    natural: childElements(el, 'natural').length > 0,
    description: description(childElements(el, 'description')[0]),
    at: at(el),
  };

  for (const db of SQL_BACKENDS) {
    const r = resolveColumn(column, db);
    if (r.typeOverride !== undefined) continue;
    const typeEl = types.find((t) => t.db === db) ?? types[0];
    const where = typeEl?.at ?? column.at;
    if (!isColumnType(r.baseType)) {
      throw new SchemaError(where, 'type', `column ${columnName}: unsupported column type "${r.typeText}" (for ${db})`);
    }
    if (r.autoincrement && r.baseType !== 'int') {
      throw new SchemaError(where, 'type', `column ${columnName}: <autoincrement/> needs type int or unsigned int, not "${r.typeText}"`);
    }
  }
  return column;
}

function readIndex(el: XmlElement, byId: ReadonlyMap<string, Column>, tableName: string): Index {
  checkChildren(el, INDEX_CHILDREN);
  const columns: ColumnReference[] = childElements(el, 'colref').map((c) => {
    const linkend = requiredAttribute(c, 'linkend');
    const column = byId.get(linkend);
    if (!column) throw new SchemaError(at(c), 'colref', `table ${tableName}: no column with id "${linkend}"`);
    return { linkend, column, at: at(c) };
  });
  if (columns.length === 0) throw new SchemaError(at(el), 'index', `table ${tableName}: index without <colref>`);
  const names: Variant[] = childElements(el, 'name').map((n) => variant(n));
  return {
    names,
    columns,
    unique: childElements(el, 'unique').length > 0,
    primary: childElements(el, 'primary').length > 0,
    description: description(childElements(el, 'description')[0]),
    at: at(el),
  };
}

function checkChildren(el: XmlElement, allowed: ReadonlySet<string>): void {
  for (const c of el.children) {
    if (c.kind !== 'element') continue;
    if (!allowed.has(c.name)) throw new SchemaError(at(c), c.name, `unexpected element inside <${el.name}>`);
    if (FLAG_ELEMENTS.has(c.name) && (c.children.some((n) => n.kind === 'element') || normalizeSpace(stringValue(c)) !== '')) {
      throw new SchemaError(at(c), c.name, `<${c.name}/> must be empty`);
    }
  }
}

function requiredAttribute(el: XmlElement, name: string): string {
  const v = el.attributes.get(name);
  if (v === undefined || v === '') throw new SchemaError(at(el), el.name, `missing attribute ${name}`);
  return v;
}
