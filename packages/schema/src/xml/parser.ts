/**
 * A strict, non-validating XML parser covering what Kamailio's schema files use:
 * prolog, DOCTYPE with an internal subset, general entities, external parameter
 * entities (`<!ENTITY % entities SYSTEM "entities.xml"> %entities;`), comments,
 * processing instructions, CDATA, and character references.
 *
 * It keeps child order and the line of every element and text node, so that
 * later stages can report `file:line` for any problem.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SchemaError } from '../errors.js';
import type { EntityDeclaration, XmlDocument, XmlElement, XmlNode } from './nodes.js';

export interface XmlParseOptions {
  /** Reads a file as UTF-8 text; defaults to `fs.readFileSync`. Used for external parameter entities. */
  readonly readFile?: (path: string) => string;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };
const NAME = /[A-Za-z_:\u00C0-\uFFFF][-A-Za-z0-9_:.\u00B7\u00C0-\uFFFF]*/y;
const WS = /[ \t\r\n]*/y;

export function parseXmlFile(path: string, options: XmlParseOptions = {}): XmlDocument {
  const read = options.readFile ?? ((p: string) => readFileSync(p, 'utf8'));
  return parseXml(read(path), path, options);
}

export function parseXml(text: string, file: string, options: XmlParseOptions = {}): XmlDocument {
  return new DocumentParser(text, file, options).parse();
}

/** Text of one file, with XML line-end normalisation and a line lookup. */
class Source {
  readonly text: string;
  private readonly lineStarts: number[] = [0];

  constructor(raw: string, readonly file: string) {
    this.text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    for (let i = 0; i < this.text.length; i++) if (this.text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  lineAt(pos: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

interface MutableElement {
  kind: 'element';
  name: string;
  attributes: Map<string, string>;
  children: XmlNode[];
  file: string;
  line: number;
  parent: XmlElement | undefined;
}

interface ParameterEntity {
  readonly name: string;
  readonly value?: string;
  readonly systemId?: string;
  readonly file: string;
  readonly line: number;
}

interface GeneralEntity extends EntityDeclaration {
  readonly external: boolean;
}

type Declaration = { readonly parameter: true; readonly entity: ParameterEntity } | { readonly parameter: false; readonly entity: GeneralEntity };

/**
 * Declarations of external DTD files already parsed, by path. Every Kamailio table file loads the
 * same `entities.xml`; replaying its declarations (first one wins, as when parsing) is much cheaper
 * than parsing it again. Only files without parameter-entity references are kept (their effect
 * then depends on nothing but their text, which is compared on every use).
 */
const externalSubsets = new Map<string, { readonly text: string; readonly declarations: readonly Declaration[] }>();

class DocumentParser {
  private readonly src: Source;
  private pos = 0;
  private readonly stack: MutableElement[] = [];
  private readonly general = new Map<string, GeneralEntity>();
  private readonly parameter = new Map<string, ParameterEntity>();
  private readonly read: (path: string) => string;
  private doctype: string | undefined;
  /** While parsing an external DTD file: its declarations, or undefined once it cannot be cached. */
  private recording: Declaration[] | undefined;

  constructor(text: string, file: string, options: XmlParseOptions) {
    this.src = new Source(text, file);
    this.read = options.readFile ?? ((p: string) => readFileSync(p, 'utf8'));
  }

  parse(): XmlDocument {
    const t = this.src.text;
    let root: MutableElement | undefined;
    if (t.startsWith('<?xml') && /[ \t\n?]/.test(t.charAt(5))) this.skipPi(this.src, 0);
    for (;;) {
      this.skipWs();
      if (this.pos >= t.length) break;
      if (t.startsWith('<!--', this.pos)) this.readComment();
      else if (t.startsWith('<?', this.pos)) this.pos = this.skipPi(this.src, this.pos);
      else if (t.startsWith('<!DOCTYPE', this.pos)) {
        if (root || this.doctype !== undefined) this.fail(this.pos, '', 'unexpected <!DOCTYPE>');
        this.readDoctype();
      } else if (t.charAt(this.pos) === '<' && !root) {
        root = this.readElement();
      } else {
        this.fail(this.pos, root?.name ?? '', root ? 'content after the root element' : 'text before the root element');
      }
    }
    if (!root) this.fail(this.pos, '', 'no root element');
    return { file: this.src.file, root, doctype: this.doctype, entities: this.general };
  }

  // ---------------------------------------------------------------- helpers

  private fail(pos: number, element: string, reason: string, src: Source = this.src): never {
    throw new SchemaError({ file: src.file, line: src.lineAt(pos) }, element, reason);
  }

  private current(): string {
    return this.stack[this.stack.length - 1]?.name ?? '';
  }

  private skipWs(): void {
    WS.lastIndex = this.pos;
    WS.exec(this.src.text);
    this.pos = WS.lastIndex;
  }

  private readName(src: Source, at: number, what: string, element: string): { name: string; end: number } {
    NAME.lastIndex = at;
    const m = NAME.exec(src.text);
    if (!m) this.fail(at, element, `expected ${what}`, src);
    return { name: m[0], end: NAME.lastIndex };
  }

  private readComment(): void {
    const end = this.src.text.indexOf('-->', this.pos + 4);
    if (end < 0) this.fail(this.pos, this.current(), 'unterminated comment');
    const node: XmlNode = { kind: 'comment', text: this.src.text.slice(this.pos + 4, end), line: this.src.lineAt(this.pos) };
    this.stack[this.stack.length - 1]?.children.push(node);
    this.pos = end + 3;
  }

  private skipPi(src: Source, at: number): number {
    const end = src.text.indexOf('?>', at + 2);
    if (end < 0) this.fail(at, this.current(), 'unterminated processing instruction', src);
    return end + 2;
  }

  // ---------------------------------------------------------------- DOCTYPE

  private readDoctype(): void {
    const t = this.src.text;
    const start = this.pos;
    this.pos += '<!DOCTYPE'.length;
    this.skipWs();
    const { name, end } = this.readName(this.src, this.pos, 'a document type name', '!DOCTYPE');
    this.doctype = name;
    this.pos = end;
    this.skipWs();
    if (t.startsWith('SYSTEM', this.pos)) {
      this.pos += 6;
      this.readQuoted(this.src, '!DOCTYPE');
    } else if (t.startsWith('PUBLIC', this.pos)) {
      this.pos += 6;
      this.readQuoted(this.src, '!DOCTYPE');
      this.readQuoted(this.src, '!DOCTYPE');
    }
    this.skipWs();
    if (t.charAt(this.pos) === '[') {
      this.pos = this.parseSubset(this.src, this.pos + 1, true);
      this.skipWs();
    }
    if (t.charAt(this.pos) !== '>') this.fail(this.pos === t.length ? start : this.pos, '!DOCTYPE', 'expected ">" to close <!DOCTYPE>');
    this.pos++;
  }

  /** Reads a quoted literal at this.pos (after optional white space) in `src`. */
  private readQuoted(src: Source, element: string, at?: number): { value: string; end: number } {
    let p = at ?? this.pos;
    WS.lastIndex = p;
    WS.exec(src.text);
    p = WS.lastIndex;
    const q = src.text.charAt(p);
    if (q !== '"' && q !== "'") this.fail(p, element, 'expected a quoted literal', src);
    const close = src.text.indexOf(q, p + 1);
    if (close < 0) this.fail(p, element, 'unterminated quoted literal', src);
    if (at === undefined) this.pos = close + 1;
    return { value: src.text.slice(p + 1, close), end: close + 1 };
  }

  /** Parses DTD declarations from `at`; returns the position after `]` (internal) or the end (external). */
  private parseSubset(src: Source, at: number, internal: boolean): number {
    const t = src.text;
    let p = at;
    for (;;) {
      WS.lastIndex = p;
      WS.exec(t);
      p = WS.lastIndex;
      if (p >= t.length) {
        if (internal) this.fail(at, '!DOCTYPE', 'unterminated internal DTD subset', src);
        return p;
      }
      if (internal && t.charAt(p) === ']') return p + 1;
      if (t.startsWith('<!--', p)) {
        const end = t.indexOf('-->', p + 4);
        if (end < 0) this.fail(p, '!DOCTYPE', 'unterminated comment', src);
        p = end + 3;
      } else if (t.startsWith('<?', p)) {
        p = this.skipPi(src, p);
      } else if (t.startsWith('<!ENTITY', p)) {
        p = this.readEntityDeclaration(src, p);
      } else if (t.startsWith('<!ELEMENT', p) || t.startsWith('<!ATTLIST', p) || t.startsWith('<!NOTATION', p)) {
        p = this.skipDeclaration(src, p);
      } else if (t.charAt(p) === '%') {
        const { name, end } = this.readName(src, p + 1, 'a parameter entity name', '!DOCTYPE');
        if (t.charAt(end) !== ';') this.fail(p, '!DOCTYPE', `expected ";" after %${name}`, src);
        this.includeParameterEntity(src, p, name);
        p = end + 1;
      } else if (t.startsWith('<![', p)) {
        this.fail(p, '!DOCTYPE', 'conditional sections are not supported', src);
      } else {
        this.fail(p, '!DOCTYPE', 'unexpected text in the DTD', src);
      }
    }
  }

  private skipDeclaration(src: Source, at: number): number {
    const t = src.text;
    let p = at + 2;
    while (p < t.length) {
      const c = t.charAt(p);
      if (c === '"' || c === "'") {
        const close = t.indexOf(c, p + 1);
        if (close < 0) break;
        p = close + 1;
      } else if (c === '>') return p + 1;
      else p++;
    }
    return this.fail(at, '!DOCTYPE', 'unterminated markup declaration', src);
  }

  private readEntityDeclaration(src: Source, at: number): number {
    const t = src.text;
    const line = src.lineAt(at);
    let p = at + '<!ENTITY'.length;
    WS.lastIndex = p;
    WS.exec(t);
    p = WS.lastIndex;
    let isParameter = false;
    if (t.charAt(p) === '%') {
      isParameter = true;
      WS.lastIndex = p + 1;
      WS.exec(t);
      p = WS.lastIndex;
    }
    const { name, end } = this.readName(src, p, 'an entity name', '!ENTITY');
    p = end;
    WS.lastIndex = p;
    WS.exec(t);
    p = WS.lastIndex;
    let value: string | undefined;
    let systemId: string | undefined;
    if (t.startsWith('SYSTEM', p)) {
      const lit = this.readQuoted(src, '!ENTITY', p + 6);
      systemId = lit.value;
      p = lit.end;
    } else if (t.startsWith('PUBLIC', p)) {
      const pub = this.readQuoted(src, '!ENTITY', p + 6);
      const lit = this.readQuoted(src, '!ENTITY', pub.end);
      systemId = lit.value;
      p = lit.end;
    } else {
      const lit = this.readQuoted(src, '!ENTITY', p);
      value = this.replaceCharRefs(lit.value, src, p, '!ENTITY');
      p = lit.end;
    }
    const close = t.indexOf('>', p);
    if (close < 0 || t.slice(p, close).replace(/NDATA[ \t\n]+\S+/, '').trim() !== '') {
      this.fail(at, '!ENTITY', `malformed declaration of entity "${name}"`, src);
    }
    const declaration: Declaration = isParameter
      ? { parameter: true, entity: { name, file: src.file, line, ...(value !== undefined ? { value } : { systemId: systemId ?? '' }) } }
      : { parameter: false, entity: { name, value: value ?? '', external: value === undefined, file: src.file, line } };
    this.recording?.push(declaration);
    this.declare(declaration);
    return close + 1;
  }

  /** The first declaration of an entity is binding; later ones are ignored (XML 1.0 §4.2). */
  private declare(d: Declaration): void {
    if (d.parameter) {
      if (!this.parameter.has(d.entity.name)) this.parameter.set(d.entity.name, d.entity);
    } else if (!this.general.has(d.entity.name)) {
      this.general.set(d.entity.name, d.entity);
    }
  }

  private includeParameterEntity(src: Source, at: number, name: string): void {
    const pe = this.parameter.get(name);
    if (!pe) this.fail(at, '!DOCTYPE', `undefined parameter entity %${name};`, src);
    // A reference inside an external file makes that file's effect depend on more than its text.
    this.recording = undefined;
    if (pe.value !== undefined) {
      this.parseSubset(new Source(pe.value, pe.file), 0, false);
      return;
    }
    const path = resolve(dirname(pe.file), pe.systemId ?? '');
    let text: string;
    try {
      text = this.read(path);
    } catch (e) {
      return this.fail(at, '!DOCTYPE', `cannot read ${path} for %${name};: ${(e as Error).message}`, src);
    }
    const cached = externalSubsets.get(path);
    if (cached?.text === text) {
      for (const d of cached.declarations) this.declare(d);
      return;
    }
    const recording: Declaration[] = [];
    this.recording = recording;
    this.parseSubset(new Source(text, path), 0, false);
    if (this.recording === recording) externalSubsets.set(path, { text, declarations: recording });
    this.recording = undefined;
  }

  private replaceCharRefs(s: string, src: Source, at: number, element: string): string {
    return s.replace(/&#(x[0-9A-Fa-f]+|[0-9]+);/g, (_m, code: string) => {
      const n = code.startsWith('x') ? parseInt(code.slice(1), 16) : parseInt(code, 10);
      if (!(n > 0 && n <= 0x10ffff)) this.fail(at, element, `invalid character reference &#${code};`, src);
      return String.fromCodePoint(n);
    });
  }

  // ---------------------------------------------------------------- entities

  /** Full replacement text of a general entity, nested references expanded. */
  private expandEntity(name: string, at: number, element: string, seen: string[] = []): string {
    const predefined = PREDEFINED[name];
    if (predefined !== undefined) return predefined;
    const decl = this.general.get(name);
    if (!decl) this.fail(at, element, `undefined entity &${name};`);
    if (decl.external) this.fail(at, element, `external entity &${name}; is not supported`);
    if (seen.includes(name)) this.fail(at, element, `entity &${name}; refers to itself`);
    const value = decl.value.replace(/&([^;&\s]*);/g, (_m, inner: string) => {
      if (inner.startsWith('#')) return this.replaceCharRefs(`&${inner};`, this.src, at, element);
      return this.expandEntity(inner, at, element, [...seen, name]);
    });
    if (value.includes('<')) this.fail(at, element, `entity &${name}; contains markup, which is not supported`);
    return value;
  }

  /** Reads `&...;` at this.pos and returns its text plus the entity name for general entities. */
  private readReference(element: string): { text: string; entity?: string } {
    const t = this.src.text;
    const at = this.pos;
    const semi = t.indexOf(';', at);
    const body = semi < 0 ? '' : t.slice(at + 1, semi);
    if (semi < 0 || !/^(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z_:][-A-Za-z0-9_:.]*)$/.test(body)) {
      this.fail(at, element, 'malformed entity reference (a bare "&" must be written "&amp;")');
    }
    this.pos = semi + 1;
    if (body.startsWith('#')) return { text: this.replaceCharRefs(`&${body};`, this.src, at, element) };
    const text = this.expandEntity(body, at, element);
    return PREDEFINED[body] !== undefined ? { text } : { text, entity: body };
  }

  // ---------------------------------------------------------------- elements

  private readElement(): MutableElement {
    const t = this.src.text;
    const root = this.readStartTag();
    if (root.selfClosed) return root.element;
    this.stack.push(root.element);
    let textStart = -1;
    let text = '';
    const flush = (): void => {
      if (textStart >= 0) {
        this.top().children.push({ kind: 'text', text, line: this.src.lineAt(textStart) });
        textStart = -1;
        text = '';
      }
    };
    while (this.stack.length > 0) {
      if (this.pos >= t.length) {
        const open = this.top();
        throw new SchemaError({ file: open.file, line: open.line }, open.name, `element <${open.name}> is never closed`);
      }
      const c = t.charAt(this.pos);
      if (c === '<') {
        flush();
        if (t.startsWith('</', this.pos)) this.readEndTag();
        else if (t.startsWith('<!--', this.pos)) this.readComment();
        else if (t.startsWith('<![CDATA[', this.pos)) {
          const end = t.indexOf(']]>', this.pos);
          if (end < 0) this.fail(this.pos, this.current(), 'unterminated CDATA section');
          this.top().children.push({ kind: 'text', text: t.slice(this.pos + 9, end), cdata: true, line: this.src.lineAt(this.pos) });
          this.pos = end + 3;
        } else if (t.startsWith('<?', this.pos)) this.pos = this.skipPi(this.src, this.pos);
        else if (t.startsWith('<!', this.pos)) this.fail(this.pos, this.current(), 'unexpected markup declaration inside an element');
        else {
          const child = this.readStartTag();
          this.top().children.push(child.element);
          if (!child.selfClosed) this.stack.push(child.element);
        }
      } else if (c === '&') {
        const at = this.pos;
        const ref = this.readReference(this.current());
        if (ref.entity === undefined) {
          if (textStart < 0) textStart = at;
          text += ref.text;
        } else {
          flush();
          this.top().children.push({ kind: 'text', text: ref.text, entity: ref.entity, line: this.src.lineAt(at) });
        }
      } else {
        let end = this.pos;
        while (end < t.length && t.charAt(end) !== '<' && t.charAt(end) !== '&') end++;
        if (textStart < 0) textStart = this.pos;
        text += t.slice(this.pos, end);
        this.pos = end;
      }
    }
    return root.element;
  }

  private top(): MutableElement {
    const el = this.stack[this.stack.length - 1];
    if (!el) throw new Error('internal: element stack is empty');
    return el;
  }

  private readStartTag(): { element: MutableElement; selfClosed: boolean } {
    const t = this.src.text;
    const at = this.pos;
    const { name, end } = this.readName(this.src, at + 1, 'an element name', this.current());
    const element: MutableElement = {
      kind: 'element',
      name,
      attributes: new Map(),
      children: [],
      file: this.src.file,
      line: this.src.lineAt(at),
      parent: this.stack[this.stack.length - 1],
    };
    this.pos = end;
    for (;;) {
      const before = this.pos;
      this.skipWs();
      if (t.startsWith('/>', this.pos)) {
        this.pos += 2;
        return { element, selfClosed: true };
      }
      if (t.charAt(this.pos) === '>') {
        this.pos++;
        return { element, selfClosed: false };
      }
      if (this.pos >= t.length) this.fail(at, name, `start tag <${name}> is not closed`);
      if (this.pos === before) this.fail(this.pos, name, 'expected white space, ">" or "/>" in start tag');
      const attr = this.readName(this.src, this.pos, 'an attribute name', name);
      this.pos = attr.end;
      this.skipWs();
      if (t.charAt(this.pos) !== '=') this.fail(this.pos, name, `expected "=" after attribute ${attr.name}`);
      this.pos++;
      this.skipWs();
      const q = t.charAt(this.pos);
      if (q !== '"' && q !== "'") this.fail(this.pos, name, `expected a quoted value for attribute ${attr.name}`);
      const close = t.indexOf(q, this.pos + 1);
      if (close < 0) this.fail(this.pos, name, `unterminated value for attribute ${attr.name}`);
      const raw = t.slice(this.pos + 1, close);
      if (raw.includes('<')) this.fail(this.pos, name, `"<" is not allowed in the value of attribute ${attr.name}`);
      if (element.attributes.has(attr.name)) this.fail(this.pos, name, `attribute ${attr.name} is given twice`);
      element.attributes.set(attr.name, this.attributeValue(raw, this.pos, name));
      this.pos = close + 1;
    }
  }

  private attributeValue(raw: string, at: number, element: string): string {
    let out = '';
    let i = 0;
    while (i < raw.length) {
      const amp = raw.indexOf('&', i);
      const literal = raw.slice(i, amp < 0 ? raw.length : amp);
      out += literal.replace(/[\t\n\r]/g, ' ');
      if (amp < 0) break;
      const semi = raw.indexOf(';', amp);
      const body = semi < 0 ? '' : raw.slice(amp + 1, semi);
      if (semi < 0 || body === '') this.fail(at, element, 'malformed entity reference in an attribute value');
      out += body.startsWith('#') ? this.replaceCharRefs(`&${body};`, this.src, at, element) : this.expandEntity(body, at, element);
      i = semi + 1;
    }
    return out;
  }

  private readEndTag(): void {
    const at = this.pos;
    const { name, end } = this.readName(this.src, at + 2, 'an element name', this.current());
    this.pos = end;
    this.skipWs();
    if (this.src.text.charAt(this.pos) !== '>') this.fail(this.pos, name, `expected ">" to close </${name}>`);
    this.pos++;
    const open = this.top();
    if (open.name !== name) {
      this.fail(at, open.name, `end tag </${name}> does not match <${open.name}> opened at line ${open.line}`);
    }
    this.stack.pop();
  }
}
