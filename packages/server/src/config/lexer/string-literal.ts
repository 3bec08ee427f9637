import { ConfigError } from '../errors/config-error.js';
import { isBlank, type SourceText } from './source-text.js';

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', a: '\x07', '"': '"', '\\': '\\' };
const isOctal = (c: string): boolean => c >= '0' && c <= '7';
const isHex = (c: string): boolean => /^[0-9A-Fa-f]$/.test(c);

/**
 * Reads a double-quoted string at `src` (on the opening quote) and decodes its escapes. Unknown escapes
 * keep their backslash (`"\+"` stays `\+`, a single octal digit `\1` stays for regex back-references).
 * Strings separated only by whitespace are joined, as in `modparam("acc", "log_extra", "a" "b")`.
 */
export function readDoubleQuoted(src: SourceText): string {
  let value = '';
  for (;;) {
    value += readOneDoubleQuoted(src);
    let ahead = 0;
    while (isBlank(src.peek(ahead)) || src.peek(ahead) === '\n') ahead++;
    if (src.peek(ahead) !== '"') return value;
    src.advance(ahead);
  }
}

function readOneDoubleQuoted(src: SourceText): string {
  return readQuoted(src, '"', readEscape);
}

/** From the opening quote to the closing one; `escape` (if any) decodes what follows a backslash. */
function readQuoted(src: SourceText, quote: '"' | "'", escape?: (src: SourceText) => string): string {
  const start = src.loc();
  src.advance();
  let value = '';
  for (;;) {
    if (src.atEnd) throw new ConfigError(start, 'unterminated string', `a closing ${quote} before the end of the file`);
    const char = src.advance();
    if (char === quote) return value;
    value += char === '\\' && escape ? escape(src) : char;
  }
}

function readEscape(src: SourceText): string {
  const next = src.peek();
  if (next === '\n') {
    src.advance();
    return '';
  }
  if (next in SIMPLE_ESCAPES) {
    src.advance();
    return SIMPLE_ESCAPES[next]!;
  }
  if (next === 'x' && isHex(src.peek(1))) {
    src.advance();
    const digits = src.advance(isHex(src.peek(1)) ? 2 : 1);
    return String.fromCharCode(parseInt(digits, 16));
  }
  if (isOctal(next) && isOctal(src.peek(1))) {
    const digits = src.advance(isOctal(src.peek(2)) ? 3 : 2);
    return String.fromCharCode(parseInt(digits, 8) & 0xff);
  }
  return '\\';
}

/** Reads a single-quoted string: raw text, no escapes, no joining. */
export function readSingleQuoted(src: SourceText): string {
  return readQuoted(src, "'");
}
