import { createRequire } from 'node:module';
import type { XMLParser, XMLValidator } from 'fast-xml-parser';

const require = createRequire(import.meta.url);

/** An element of the parsed document: tag, child elements, and its own text (CDATA merged). */
export interface XmlElement {
  tag: string;
  children: XmlElement[];
  text: string;
}

type OrderedNode = Record<string, unknown>;

let parser: XMLParser | undefined;
let validator: typeof XMLValidator | undefined;

function load(): { parser: XMLParser; validator: typeof XMLValidator } {
  if (!parser || !validator) {
    const lib = require('fast-xml-parser') as typeof import('fast-xml-parser');
    parser = new lib.XMLParser({
      preserveOrder: true,
      trimValues: false,
      parseTagValue: false,
      processEntities: true,
      htmlEntities: true,
      ignoreDeclaration: true,
      ignorePiTags: true,
      ignoreAttributes: true,
      cdataPropName: '#cdata',
    });
    validator = lib.XMLValidator;
  }
  return { parser, validator };
}

function tagOf(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@');
}

function toElement(node: OrderedNode): XmlElement | null {
  const tag = tagOf(node);
  if (!tag || tag === '#text' || tag === '#cdata' || tag === '#comment') return null;
  const raw = (node[tag] as OrderedNode[] | undefined) ?? [];
  const children: XmlElement[] = [];
  let text = '';
  for (const child of raw) {
    const childTag = tagOf(child);
    if (childTag === '#text') text += String(child['#text']);
    else if (childTag === '#cdata') text += (child['#cdata'] as OrderedNode[]).map((c) => String(c['#text'] ?? '')).join('');
    else {
      const element = toElement(child);
      if (element) children.push(element);
    }
  }
  return { tag, children, text };
}

/**
 * Parses an XML document into elements; null when it is not well-formed. Whitespace-only text
 * between elements does not matter to the callers, which read an element's own `text` only for
 * leaves, as libxml2 with blank nodes dropped would.
 */
export function parseXmlDocument(text: string): XmlElement | null {
  const { parser: xml, validator: check } = load();
  if (text.trim() === '' || check.validate(text) !== true) return null;
  let nodes: OrderedNode[];
  try {
    nodes = xml.parse(text) as OrderedNode[];
  } catch {
    // The validator passes a few documents the parser then refuses (an unclosed <?...?>, found by fuzzing).
    return null;
  }
  for (const node of nodes) {
    const element = toElement(node);
    if (element) return element;
  }
  return null;
}
