/** Reads one group file (`kamailio-<group>.xml`) or one table file into the model. */
import { basename } from 'node:path';
import { SchemaError } from '../errors.js';
import type { Group, Table } from '../model/types.js';
import { childElements, normalizeSpace, stringValue } from '../xml/nodes.js';
import { parseXmlFile, type XmlParseOptions } from '../xml/parser.js';
import { readTables } from './read-tables.js';
import { expandXIncludes, type IncludeRecord } from './xinclude.js';
import { at, description } from './xml-values.js';

const DATABASE_CHILDREN = new Set(['name', 'description', 'table']);

/** `kamailio-auth_db.xml` → `auth_db`; other names are kept without `.xml`. */
export function groupIdFromFile(file: string): string {
  return basename(file).replace(/\.xml$/, '').replace(/^kamailio-/, '');
}

export function readGroupFile(file: string, options: XmlParseOptions = {}): Group {
  const doc = parseXmlFile(file, options);
  if (doc.root.name !== 'database') {
    throw new SchemaError(at(doc.root), doc.root.name, 'a group file must have <database> as its root element');
  }
  const includes: IncludeRecord[] = [];
  const root = expandXIncludes(doc.root, options, includes);
  for (const c of root.children) {
    if (c.kind === 'element' && !DATABASE_CHILDREN.has(c.name)) {
      throw new SchemaError(at(c), c.name, 'unexpected element inside <database>');
    }
  }
  const nameEl = childElements(root, 'name')[0];
  if (!nameEl) throw new SchemaError(at(root), 'database', 'missing <name>');
  return {
    id: groupIdFromFile(file),
    title: normalizeSpace(stringValue(nameEl)),
    description: description(childElements(root, 'description')[0]),
    tables: readTables(childElements(root, 'table')),
    includes: includes.filter((i) => i.path !== file).map((i) => i.href),
    file,
    at: at(root),
  };
}

/** Reads a single table file on its own; column references resolve inside it only. */
export function readTableFile(file: string, options: XmlParseOptions = {}): Table {
  const doc = parseXmlFile(file, options);
  const root = expandXIncludes(doc.root, options);
  if (root.name !== 'table') throw new SchemaError(at(root), root.name, 'a table file must have <table> as its root element');
  const [table] = readTables([root]);
  if (!table) throw new Error('internal: no table read');
  return table;
}
