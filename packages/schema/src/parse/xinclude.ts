/**
 * XInclude, as far as Kamailio's group files use it: `<xi:include href="table.xml"/>`
 * is replaced by the root element of that file, parsed on its own (so its own
 * DOCTYPE decides which entities it sees), relative to the including file.
 */
import { dirname, resolve } from 'node:path';
import { SchemaError } from '../errors.js';
import { lookupNamespace, type XmlElement, type XmlNode } from '../xml/nodes.js';
import { parseXmlFile, type XmlParseOptions } from '../xml/parser.js';
import { at } from './xml-values.js';

const XINCLUDE_NAMESPACES = new Set(['http://www.w3.org/2001/XInclude', 'http://www.w3.org/2003/XInclude']);

export interface IncludeRecord {
  readonly href: string;
  readonly path: string;
}

export function isXInclude(el: XmlElement): boolean {
  const colon = el.name.indexOf(':');
  const prefix = colon < 0 ? '' : el.name.slice(0, colon);
  const local = colon < 0 ? el.name : el.name.slice(colon + 1);
  return local === 'include' && XINCLUDE_NAMESPACES.has(lookupNamespace(el, prefix) ?? '');
}

/** Returns a copy of `el` with every XInclude replaced; `includes` receives each file pulled in. */
export function expandXIncludes(
  el: XmlElement,
  options: XmlParseOptions = {},
  includes: IncludeRecord[] = [],
  chain: readonly string[] = [resolve(el.file)],
  parent: XmlElement | undefined = el.parent,
): XmlElement {
  const children: XmlNode[] = [];
  const copy: XmlElement = { ...el, parent, children };
  for (const c of el.children) {
    if (c.kind !== 'element') children.push(c);
    else if (isXInclude(c)) children.push(includeOne(c, options, includes, chain, copy));
    else children.push(expandXIncludes(c, options, includes, chain, copy));
  }
  return copy;
}

function includeOne(
  el: XmlElement,
  options: XmlParseOptions,
  includes: IncludeRecord[],
  chain: readonly string[],
  parent: XmlElement,
): XmlElement {
  const href = el.attributes.get('href');
  if (href === undefined || href === '') throw new SchemaError(at(el), el.name, 'missing attribute href');
  const parse = el.attributes.get('parse') ?? 'xml';
  if (parse !== 'xml') throw new SchemaError(at(el), el.name, `parse="${parse}" is not supported`);
  if (el.attributes.has('xpointer')) throw new SchemaError(at(el), el.name, 'xpointer is not supported');
  if (el.children.some((c) => c.kind === 'element')) throw new SchemaError(at(el), el.name, '<xi:fallback> is not supported');
  const path = resolve(dirname(el.file), href);
  if (chain.includes(path)) throw new SchemaError(at(el), el.name, `"${href}" includes itself`);
  let doc;
  try {
    doc = parseXmlFile(path, options);
  } catch (e) {
    if (e instanceof SchemaError) throw e;
    throw new SchemaError(at(el), el.name, `cannot read "${href}": ${(e as Error).message}`);
  }
  includes.push({ href, path });
  return expandXIncludes(doc.root, options, includes, [...chain, path], parent);
}
