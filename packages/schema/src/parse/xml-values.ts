/** Small helpers that turn XML elements into model values. */
import type { SourceLocation } from '../errors.js';
import type { Variant } from '../model/types.js';
import { normalizeSpace, stringValue, type XmlElement } from '../xml/nodes.js';

export function at(el: XmlElement): SourceLocation {
  return { file: el.file, line: el.line };
}

export function escapeXmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The content as written, entity references kept; `undefined` if the element has
 * child elements. With `firstRunOnly`, only the text before the first comment or
 * processing instruction (what XPath `text()[1]` sees).
 */
export function sourceText(el: XmlElement, firstRunOnly = false): string | undefined {
  let out = '';
  let started = false;
  for (const c of el.children) {
    if (c.kind === 'element') return undefined;
    if (c.kind === 'text') {
      out += c.entity !== undefined ? `&${c.entity};` : escapeXmlText(c.text);
      started = true;
    } else if (firstRunOnly && started) break;
  }
  return out;
}

/** XPath `text()[1]`: the first run of adjacent text children (libxml2 merges entity text into it). */
export function firstText(el: XmlElement): string {
  let out = '';
  let started = false;
  for (const c of el.children) {
    if (c.kind === 'text') {
      out += c.text;
      started = true;
    } else if (started) break;
  }
  return out;
}

export function variant(el: XmlElement): Variant {
  return { db: el.attributes.get('db'), text: stringValue(el), source: sourceText(el), at: at(el) };
}

/** A variant holding only the first text run, as `<version>` is read by the stylesheets. */
export function firstTextVariant(el: XmlElement): Variant {
  return { db: el.attributes.get('db'), text: firstText(el), source: sourceText(el, true), at: at(el) };
}

export function description(el: XmlElement | undefined): string | undefined {
  return el ? normalizeSpace(stringValue(el)) : undefined;
}
