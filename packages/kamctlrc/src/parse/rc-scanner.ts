/**
 * Splits the text of a kamctlrc (a POSIX shell file) into statements of words, the way a shell
 * tokenizes: blanks separate words, newline and `;` end a statement, `#` at the start of a word
 * begins a comment, quotes and backslashes quote, `$NAME` / `${...}` expand. Nothing is executed:
 * command substitutions and other constructs we do not evaluate become `unsupported` parts.
 */
import type { Word, WordPart } from './shell-word.js';

export interface RawStatement {
  readonly words: readonly Word[];
  /** The first control operator seen (`|`, `&`, `<`, `>`, `(`, `)`); such statements are not evaluated. */
  readonly operator: string | undefined;
  readonly line: number;
}

export class RcSyntaxError extends Error {
  override name = 'RcSyntaxError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const WORD_END = ' \t\r\n;|&<>()';
const OPERATORS = '|&<>()';

export class RcScanner {
  private pos = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  /** All statements; throws RcSyntaxError (with the statements read so far) on an unterminated quote. */
  statements(onStatement: (s: RawStatement) => void): void {
    const t = this.text;
    let words: Word[] = [];
    let operator: string | undefined;
    let start = 0;
    const flush = () => {
      if (words.length > 0 || operator !== undefined) onStatement({ words, operator, line: start });
      words = [];
      operator = undefined;
    };
    while (this.pos < t.length) {
      const c = t.charAt(this.pos);
      if (c === ' ' || c === '\t' || c === '\r') {
        this.pos++;
      } else if (c === '\\' && t.charAt(this.pos + 1) === '\n') {
        this.pos += 2;
        this.line++;
      } else if (c === '\n') {
        flush();
        this.pos++;
        this.line++;
      } else if (c === ';') {
        flush();
        this.pos++;
      } else if (c === '#') {
        const end = t.indexOf('\n', this.pos);
        this.pos = end < 0 ? t.length : end;
      } else {
        if (words.length === 0 && operator === undefined) start = this.line;
        if (OPERATORS.includes(c)) {
          operator ??= c;
          this.pos++;
        } else {
          words.push(this.readWord(false));
        }
      }
    }
    flush();
  }

  /** One word; inside `${NAME-...}` (`inBraces`) it runs to the closing brace and blanks are text. */
  private readWord(inBraces: boolean): Word {
    const t = this.text;
    const parts: WordPart[] = [];
    while (this.pos < t.length) {
      const c = t.charAt(this.pos);
      if (inBraces ? c === '}' : WORD_END.includes(c)) break;
      if (c === '\\') {
        const next = t.charAt(this.pos + 1);
        this.pos += 2;
        if (next === '\n') this.line++;
        else if (next !== '') addLiteral(parts, next, true);
      } else if (c === "'") {
        const end = t.indexOf("'", this.pos + 1);
        if (end < 0) throw new RcSyntaxError(this.line, 'unterminated single quote');
        const text = t.slice(this.pos + 1, end);
        this.line += countNewlines(text);
        addLiteral(parts, text, true);
        this.pos = end + 1;
      } else if (c === '"') {
        this.readDoubleQuoted(parts);
      } else if (c === '$') {
        parts.push(this.readDollar(false));
      } else if (c === '`') {
        parts.push(this.skipBackquotes());
      } else {
        if (c === '\n') this.line++;
        addLiteral(parts, c, false);
        this.pos++;
      }
    }
    return parts;
  }

  private readDoubleQuoted(parts: WordPart[]): void {
    const t = this.text;
    const startLine = this.line;
    this.pos++;
    for (;;) {
      if (this.pos >= t.length) throw new RcSyntaxError(startLine, 'unterminated double quote');
      const c = t.charAt(this.pos);
      if (c === '"') {
        this.pos++;
        // `""` is still a (quoted, empty) word.
        addLiteral(parts, '', true);
        return;
      }
      if (c === '\\') {
        const next = t.charAt(this.pos + 1);
        if (next === '\n') {
          this.pos += 2;
          this.line++;
        } else if ('$`"\\'.includes(next) && next !== '') {
          addLiteral(parts, next, true);
          this.pos += 2;
        } else {
          addLiteral(parts, '\\', true);
          this.pos++;
        }
      } else if (c === '$') {
        parts.push(this.readDollar(true));
      } else if (c === '`') {
        parts.push(this.skipBackquotes());
      } else {
        if (c === '\n') this.line++;
        addLiteral(parts, c, true);
        this.pos++;
      }
    }
  }

  /** At a `$`: a parameter expansion, an unsupported construct, or a literal dollar sign. */
  private readDollar(quoted: boolean): WordPart {
    const t = this.text;
    const next = t.charAt(this.pos + 1);
    if (next === '{') return this.readBraced();
    if (next === '(') {
      const arithmetic = t.charAt(this.pos + 2) === '(';
      this.pos += 1;
      this.skipBalanced('(', ')');
      return { kind: 'unsupported', construct: arithmetic ? '$((...)) arithmetic' : '$(...) command substitution' };
    }
    if (NAME_START.test(next)) {
      this.pos++;
      return { kind: 'parameter', name: this.readName() };
    }
    if (/[0-9@*#?$!-]/.test(next)) {
      this.pos += 2;
      return { kind: 'unsupported', construct: `special parameter $${next}` };
    }
    this.pos++;
    return { kind: 'literal', text: '$', quoted };
  }

  private readBraced(): WordPart {
    const t = this.text;
    const startLine = this.line;
    const start = this.pos;
    this.pos += 2;
    const name = NAME_START.test(t.charAt(this.pos)) ? this.readName() : '';
    const rest = t.slice(this.pos, this.pos + 2);
    const operator = rest.startsWith(':-') ? ':-' : rest.startsWith(':+') ? ':+' : rest.startsWith('-') ? '-' : rest.startsWith('+') ? '+' : undefined;
    if (name !== '' && t.charAt(this.pos) === '}') {
      this.pos++;
      return { kind: 'parameter', name };
    }
    if (name !== '' && operator !== undefined) {
      this.pos += operator.length;
      const operand = this.readWord(true);
      if (t.charAt(this.pos) !== '}') throw new RcSyntaxError(startLine, 'unterminated ${');
      this.pos++;
      return { kind: 'parameter', name, operator, operand };
    }
    this.pos = start + 1;
    this.skipBalanced('{', '}');
    return { kind: 'unsupported', construct: `${t.slice(start, Math.min(this.pos, start + 24))} expansion` };
  }

  private readName(): string {
    const t = this.text;
    const start = this.pos;
    while (this.pos < t.length && NAME_CHAR.test(t.charAt(this.pos))) this.pos++;
    return t.slice(start, this.pos);
  }

  /** Skips from an opening bracket to its match, over quotes; the contents are never evaluated. */
  private skipBalanced(open: string, close: string): void {
    const t = this.text;
    const startLine = this.line;
    let depth = 0;
    while (this.pos < t.length) {
      const c = t.charAt(this.pos);
      if (c === '\\') {
        this.pos += 2;
        continue;
      }
      if (c === "'" || c === '"') {
        const end = t.indexOf(c, this.pos + 1);
        if (end < 0) break;
        this.line += countNewlines(t.slice(this.pos, end));
        this.pos = end + 1;
        continue;
      }
      if (c === '\n') this.line++;
      if (c === open) depth++;
      else if (c === close && --depth === 0) {
        this.pos++;
        return;
      }
      this.pos++;
    }
    throw new RcSyntaxError(startLine, `unterminated ${open}`);
  }

  private skipBackquotes(): WordPart {
    const t = this.text;
    const startLine = this.line;
    let p = this.pos + 1;
    while (p < t.length && t.charAt(p) !== '`') p += t.charAt(p) === '\\' ? 2 : 1;
    if (p >= t.length) throw new RcSyntaxError(startLine, 'unterminated `');
    this.line += countNewlines(t.slice(this.pos, p));
    this.pos = p + 1;
    return { kind: 'unsupported', construct: '`...` command substitution' };
  }
}

function addLiteral(parts: WordPart[], text: string, quoted: boolean): void {
  const last = parts[parts.length - 1];
  if (last?.kind === 'literal' && last.quoted === quoted) parts[parts.length - 1] = { ...last, text: last.text + text };
  else parts.push({ kind: 'literal', text, quoted });
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
