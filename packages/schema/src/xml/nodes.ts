/**
 * A small, order-preserving XML tree with source lines: all the schema reader needs.
 */

export interface XmlText {
  readonly kind: 'text';
  /** The text with character and entity references already replaced. */
  readonly text: string;
  /** Set when this text came from one general entity reference, e.g. `user_len` for `&user_len;`. */
  readonly entity?: string;
  readonly cdata?: boolean;
  readonly line: number;
}

export interface XmlComment {
  readonly kind: 'comment';
  readonly text: string;
  readonly line: number;
}

export interface XmlElement {
  readonly kind: 'element';
  /** Qualified name as written, e.g. `xi:include`. */
  readonly name: string;
  /** Attributes in document order, values already normalised as XML requires. */
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly XmlNode[];
  readonly file: string;
  readonly line: number;
  readonly parent: XmlElement | undefined;
}

export type XmlNode = XmlElement | XmlText | XmlComment;

export interface EntityDeclaration {
  readonly name: string;
  /** Replacement text, character references already replaced. */
  readonly value: string;
  readonly file: string;
  readonly line: number;
}

export interface XmlDocument {
  readonly file: string;
  readonly root: XmlElement;
  /** Name given in `<!DOCTYPE name ...>`, if there is a DOCTYPE. */
  readonly doctype: string | undefined;
  /** General entities declared by the DOCTYPE (internal subset and the parameter entities it loads). */
  readonly entities: ReadonlyMap<string, EntityDeclaration>;
}

export function childElements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (c.kind === 'element' && (name === undefined || c.name === name)) out.push(c);
  }
  return out;
}

/** XPath string-value: all descendant text, in document order. */
export function stringValue(node: XmlNode): string {
  if (node.kind === 'text') return node.text;
  if (node.kind === 'comment') return '';
  let s = '';
  for (const c of node.children) s += stringValue(c);
  return s;
}

/** The namespace URI bound to `prefix` where `el` stands (`''` = default namespace). */
export function lookupNamespace(el: XmlElement | undefined, prefix: string): string | undefined {
  if (prefix === 'xml') return 'http://www.w3.org/XML/1998/namespace';
  const attr = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
  for (let e = el; e; e = e.parent) {
    const v = e.attributes.get(attr);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** XPath normalize-space(): strip and collapse XML white space (space, tab, CR, LF) only. */
export function normalizeSpace(s: string): string {
  return s.replace(/[ \t\r\n]+/g, ' ').replace(/^ /, '').replace(/ $/, '');
}
