import { cFixed6 } from '@kamkit/rpc';

/** A response tree for the printer: objects keep order and may repeat names, like srjson's. */
export type JsonOut =
  | { type: 'object'; members: [string, JsonOut][] }
  | { type: 'array'; items: JsonOut[] }
  | { type: 'string'; value: string | null }
  | { type: 'number'; value: number | bigint }
  | { type: 'bool'; value: boolean };

/**
 * Prints a response exactly as jsonrpcs does (§4.5): with `pretty`, objects put each member on its
 * own tab-indented line (`"name":<TAB>value`) and arrays stay on one line with `, `; without, no
 * whitespace at all. No trailing newline.
 */
export function printKamailioJson(node: JsonOut, pretty: boolean): string {
  return pretty ? prettyPrint(node, 0) : compactPrint(node);
}

function prettyPrint(node: JsonOut, depth: number): string {
  if (node.type === 'object') {
    const inner = '\t'.repeat(depth + 1);
    const lines = node.members.map(([name, value]) => `${inner}${quote(name)}:\t${prettyPrint(value, depth + 1)}`);
    return `{\n${lines.map((line) => `${line}`).join(',\n')}${lines.length ? '\n' : ''}${'\t'.repeat(depth)}}`;
  }
  if (node.type === 'array') return `[${node.items.map((item) => prettyPrint(item, depth + 1)).join(', ')}]`;
  return scalar(node);
}

function compactPrint(node: JsonOut): string {
  if (node.type === 'object') return `{${node.members.map(([name, value]) => `${quote(name)}:${compactPrint(value)}`).join(',')}}`;
  if (node.type === 'array') return `[${node.items.map(compactPrint).join(',')}]`;
  return scalar(node);
}

function scalar(node: Extract<JsonOut, { type: 'string' | 'number' | 'bool' }>): string {
  if (node.type === 'bool') return node.value ? 'true' : 'false';
  if (node.type === 'number') return jsonNumber(node.value);
  return node.value === null ? 'null' : quote(node.value);
}

/**
 * srjson's number rule: integral values inside int32 as `%d`, other integral values as `%.0f`,
 * tiny or huge fractions as `%e`, the rest as `%f`.
 */
export function jsonNumber(value: number | bigint): string {
  if (typeof value === 'bigint') return jsonNumber(Number(value));
  if (!Number.isFinite(value)) return 'null';
  if (Number.isInteger(value)) {
    if (value >= -2147483648 && value <= 2147483647) return String(value);
    return BigInt(value).toString();
  }
  const magnitude = Math.abs(value);
  if (magnitude < 1e-6 || magnitude > 1e9) return cExponent6(value);
  return cFixed6(value);
}

/** `printf("%e")`: six decimals and an exponent of at least two digits. */
function cExponent6(value: number): string {
  const [mantissa, exponent] = value.toExponential(6).split('e') as [string, string];
  const sign = exponent.startsWith('-') ? '-' : '+';
  return `${mantissa}e${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`;
}

/** srjson's string escaping: short escapes, `\u00XX` for other controls, UTF-8 kept, stops at NUL. */
export function quote(text: string): string {
  const nul = text.indexOf('\0');
  const body = nul < 0 ? text : text.slice(0, nul);
  let out = '"';
  for (const c of body) {
    const code = c.charCodeAt(0);
    if (c === '"' || c === '\\') out += `\\${c}`;
    else if (code >= 0x20) out += c;
    else if (c === '\b') out += '\\b';
    else if (c === '\f') out += '\\f';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else out += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}
