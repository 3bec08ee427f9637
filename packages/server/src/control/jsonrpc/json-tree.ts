/**
 * A parsed JSON document that keeps what JSON.parse loses and Kamailio's srjson keeps: member order
 * as written (numeric-looking names included) and duplicate names.
 */
export type JsonNode =
  | { type: 'object'; members: [string, JsonNode][] }
  | { type: 'array'; items: JsonNode[] }
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'true' }
  | { type: 'false' }
  | { type: 'null' };

class JsonSyntaxError extends Error {}

/** Deepest nesting accepted, so a hostile document cannot exhaust the stack. */
const MAX_DEPTH = 512;

/**
 * Parses the first JSON value of `text` after leading whitespace and ignores whatever follows it
 * (srjson's behaviour). Returns null when there is no valid value.
 */
export function parseFirstJsonValue(text: string): JsonNode | null {
  const parser = new Parser(text);
  try {
    parser.skipSpace();
    return parser.value(0);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return null;
    throw error;
  }
}

/** Member lookup the way jsonrpcs does it: case-insensitive, first match. */
export function jsonMember(node: JsonNode, name: string): JsonNode | undefined {
  if (node.type !== 'object') return undefined;
  const lower = name.toLowerCase();
  return node.members.find(([key]) => key.toLowerCase() === lower)?.[1];
}

class Parser {
  private at = 0;

  constructor(private readonly text: string) {}

  skipSpace(): void {
    while (this.at < this.text.length && this.text.charCodeAt(this.at) <= 32) this.at++;
  }

  value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError('too deep');
    const c = this.text[this.at];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return { type: 'string', value: this.string() };
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const literal of ['true', 'false', 'null'] as const) {
      if (this.text.startsWith(literal, this.at)) {
        this.at += literal.length;
        return { type: literal };
      }
    }
    throw new JsonSyntaxError(`unexpected input at ${this.at}`);
  }

  private object(depth: number): JsonNode {
    this.at++;
    const members: [string, JsonNode][] = [];
    this.skipSpace();
    if (this.text[this.at] === '}') {
      this.at++;
      return { type: 'object', members };
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.at] !== '"') throw new JsonSyntaxError('member name expected');
      const name = this.string();
      this.skipSpace();
      if (this.text[this.at] !== ':') throw new JsonSyntaxError('colon expected');
      this.at++;
      this.skipSpace();
      members.push([name, this.value(depth + 1)]);
      this.skipSpace();
      const next = this.text[this.at++];
      if (next === '}') return { type: 'object', members };
      if (next !== ',') throw new JsonSyntaxError('comma expected');
    }
  }

  private array(depth: number): JsonNode {
    this.at++;
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.text[this.at] === ']') {
      this.at++;
      return { type: 'array', items };
    }
    for (;;) {
      this.skipSpace();
      items.push(this.value(depth + 1));
      this.skipSpace();
      const next = this.text[this.at++];
      if (next === ']') return { type: 'array', items };
      if (next !== ',') throw new JsonSyntaxError('comma expected');
    }
  }

  private number(): JsonNode {
    const match = /^-?\d*(?:\.\d*)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.at, this.at + 400));
    const token = match?.[0] ?? '';
    const value = Number(token);
    if (token === '' || token === '-' || Number.isNaN(value)) throw new JsonSyntaxError('bad number');
    this.at += token.length;
    return { type: 'number', value };
  }

  private string(): string {
    this.at++;
    let out = '';
    for (;;) {
      const c = this.text[this.at++];
      if (c === undefined) throw new JsonSyntaxError('unterminated string');
      if (c === '"') return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.text[this.at++];
      switch (e) {
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          const hex = this.text.slice(this.at, this.at + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonSyntaxError('bad \\u escape');
          this.at += 4;
          out += String.fromCharCode(parseInt(hex, 16));
          break;
        }
        case undefined:
          throw new JsonSyntaxError('unterminated string');
        default:
          out += e;
      }
    }
  }
}
