/**
 * Writes the model back as Kamailio-format XML: `entities.xml`, one file per
 * table and one `kamailio-<group>.xml` per group that XIncludes its tables.
 *
 * Facts are written from the `Variant` lists unchanged (entity references such as
 * `&user_len;` are kept). Children of a column are written in the order of the
 * DTD; only the relative order of elements with the same name matters to the
 * stylesheets ("first `type` wins"), and that order is kept.
 */
import { basename } from 'node:path';
import type { Column, DefaultVariant, Group, Index, Table, Variant } from '../model/types.js';
import { resolveName } from '../model/resolve.js';
import { escapeXmlText } from '../parse/xml-values.js';

/** Supplies the `<description>` to write; `undefined` writes none. */
export interface Describer {
  table(table: Table): string | undefined;
  column(table: Table, column: Column): string | undefined;
  index?(table: Table, index: Index): string | undefined;
  group?(group: Group): string | undefined;
}

/** Writes the descriptions stored in the model. */
export const modelDescriptions: Describer = {
  table: (t) => t.description,
  column: (_t, c) => c.description,
  index: (_t, i) => i.description,
  group: (g) => g.description,
};

const DOCTYPE_PUBLIC = '"-//kamailio.org//DTD DBSchema V1.1//EN"';
const DOCTYPE_SYSTEM = '"http://kamailio.org/pub/kamailio/dbschema/dtd/1.1/dbschema.dtd"';

function prolog(root: 'table' | 'database'): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<!DOCTYPE ${root} PUBLIC ${DOCTYPE_PUBLIC}\n  ${DOCTYPE_SYSTEM} [\n` +
    '  <!ENTITY % entities SYSTEM "entities.xml">\n' +
    '  %entities;\n' +
    ']>\n\n'
  );
}

function attr(name: string, value: string | undefined): string {
  return value === undefined ? '' : ` ${name}="${value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')}"`;
}

/** Entities the written files can refer to (those of `entities.xml`); `undefined` = keep every reference. */
type KnownEntities = ReadonlySet<string> | undefined;

function variantXml(tag: string, v: Variant, indent: string, known: KnownEntities): string {
  if (v.source === undefined) throw new Error(`${v.at.file}:${v.at.line}: <${tag}> has child elements and cannot be written back`);
  const refs = [...v.source.matchAll(/&([^;#]+);/g)].map((m) => m[1] ?? '');
  const keep = !known || refs.every((r) => known.has(r) || ['amp', 'lt', 'gt'].includes(r));
  const content = keep ? v.source : escapeXmlText(v.text);
  if (content === '') return `${indent}<${tag}${attr('db', v.db)}/>\n`;
  return `${indent}<${tag}${attr('db', v.db)}>${content}</${tag}>\n`;
}

function defaultXml(d: DefaultVariant, indent: string, known: KnownEntities): string {
  return d.isNull ? `${indent}<default${attr('db', d.db)}><null/></default>\n` : variantXml('default', d, indent, known);
}

function descriptionXml(text: string | undefined, indent: string): string {
  return text === undefined || text === '' ? '' : `${indent}<description>${escapeXmlText(text)}</description>\n`;
}

function columnXml(table: Table, c: Column, d: Describer, known: KnownEntities): string {
  const i = '        ';
  let s = `    <column${attr('id', c.id)}>\n`;
  s += c.names.map((v) => variantXml('name', v, i, known)).join('');
  s += descriptionXml(d.column(table, c), i);
  s += c.types.map((v) => variantXml('type', v, i, known)).join('');
  s += c.sizes.map((v) => variantXml('size', v, i, known)).join('');
  s += c.defaults.map((v) => defaultXml(v, i, known)).join('');
  s += c.nulls.map((v) => `${i}<null${attr('db', v.db)}/>\n`).join('');
  if (c.primary) s += `${i}<primary/>\n`;
  if (c.natural) s += `${i}<natural/>\n`;
  if (c.autoincrement) s += `${i}<autoincrement/>\n`;
  return s + '    </column>\n';
}

function indexXml(table: Table, ix: Index, d: Describer, known: KnownEntities): string {
  const i = '        ';
  let s = '    <index>\n';
  s += ix.names.map((v) => variantXml('name', v, i, known)).join('');
  s += descriptionXml(d.index?.(table, ix), i);
  s += ix.columns.map((c) => `${i}<colref${attr('linkend', c.linkend)}/>\n`).join('');
  if (ix.unique) s += `${i}<unique/>\n`;
  if (ix.primary) s += `${i}<primary/>\n`;
  return s + '    </index>\n';
}

export function tableXml(table: Table, describe: Describer = modelDescriptions, known?: ReadonlySet<string>): string {
  let s = prolog('table') + `<table${attr('id', table.id)}>\n`;
  s += table.names.map((v) => variantXml('name', v, '    ', known)).join('');
  s += table.versions.map((v) => variantXml('version', v, '    ', known)).join('');
  s += table.types.map((v) => variantXml('type', v, '    ', known)).join('');
  s += descriptionXml(describe.table(table), '    ');
  for (const c of table.columns) s += '\n' + columnXml(table, c, describe, known);
  for (const ix of table.indexes) s += '\n' + indexXml(table, ix, describe, known);
  if (table.rowIdentificator.length > 0) {
    s += '\n    <row-identificator>\n';
    s += table.rowIdentificator.map((l) => `        <colref${attr('linkend', l)}/>\n`).join('');
    s += '    </row-identificator>\n';
  }
  for (const row of table.rows) {
    s += `\n    <row${row.vendorControlled ? ' vendor-controlled="1"' : ''}>\n`;
    s += row.values.map((v) => `        <value${attr('col', v.column)}>${escapeXmlText(v.text)}</value>\n`).join('');
    s += '    </row>\n';
  }
  return s + '</table>\n';
}

/** File name a table is written to: the file it came from, else `<name>.xml`. */
export function tableFileName(group: Group, table: Table): string {
  return table.file !== group.file ? basename(table.file) : `${resolveName(table, undefined)}.xml`;
}

export function groupXml(group: Group, describe: Describer = modelDescriptions): string {
  let s = prolog('database') + '<database xmlns:xi="http://www.w3.org/2001/XInclude">\n';
  s += `    <name>${escapeXmlText(group.title)}</name>\n`;
  s += descriptionXml(describe.group?.(group), '    ');
  for (const t of group.tables) s += `    <xi:include${attr('href', tableFileName(group, t))}/>\n`;
  return s + '</database>\n';
}

/** `entities.xml`: a DTD fragment of general entity declarations. */
export function entitiesXml(entities: ReadonlyMap<string, string>, header?: string): string {
  let s = header ? `<!-- ${header.replace(/--/g, '- -')} -->\n` : '';
  for (const [name, value] of entities) {
    const quoted = `"${value.replace(/&/g, '&#38;').replace(/%/g, '&#37;').replace(/"/g, '&#34;')}"`;
    s += `<!ENTITY ${name} ${quoted}>\n`;
  }
  return s;
}
