import { dirname, isAbsolute, resolve } from 'node:path';
import { ConfigError } from '../errors/config-error.js';
import { DIRECTIVE_NAMES, Preprocessor } from '../preprocessor/preprocessor.js';
import type { SourceLocation } from '../source/source-location.js';
import { BOOLEAN_WORDS, parseNumberLiteral } from './number-literal.js';
import { RESERVED_WORDS } from './reserved-words.js';
import { isBlank, isDigit, isIdentChar, isIdentStart, SourceText } from './source-text.js';
import { readDoubleQuoted, readSingleQuoted } from './string-literal.js';
import type { Token, TokenKind } from './token.js';

/** Kamailio's limit on nested include_file / import_file. */
export const MAX_INCLUDE_DEPTH = 10;

const TWO_CHAR_PUNCT = new Set(['==', '!=', '=~', '<=', '>=', '&&', '||', '<<', '>>']);
const ONE_CHAR_PUNCT = new Set([...'(){}[],;:=<>+-*/&|^~!.%']);

/** Reads a file: its text, or undefined when it does not exist or cannot be read. */
export type FileReader = (path: string) => string | undefined;

interface Frame {
  readonly src: SourceText;
  /** Set for a define's value being re-scanned: the name, and where it was used. */
  readonly define?: { readonly name: string; readonly usedAt: SourceLocation; readonly spaceBefore: boolean; produced: boolean };
}

/**
 * Tokens of a config file with the preprocessor inside, in file order: directives are run as they
 * are met, skipped #!ifdef branches are never tokenized, included files are read in place, and
 * defined names are replaced by their value, re-scanned (tokens of a define carry the location of
 * the name they replaced).
 */
export class Lexer {
  /** Every file read: the main file first, then includes in the order met. */
  readonly files: string[] = [];
  private readonly frames: Frame[] = [];
  private endOfMain: SourceLocation;

  constructor(
    mainFile: string,
    readonly preprocessor: Preprocessor,
    private readonly readFile: FileReader,
  ) {
    const text = readFile(mainFile);
    if (text === undefined) throw new ConfigError({ file: mainFile, line: 1, column: 1 }, 'cannot open config file', 'a readable file');
    this.pushFile(mainFile, text);
    this.endOfMain = { file: mainFile, line: 1, column: 1 };
  }

  next(): Token {
    for (;;) {
      const frame = this.frames[this.frames.length - 1];
      if (frame === undefined) {
        this.preprocessor.conditionals.checkClosed(this.endOfMain);
        return { kind: 'eof', text: '', loc: this.endOfMain, spaceBefore: true };
      }
      const src = frame.src;
      if (!frame.define && !this.preprocessor.active) {
        this.skipInactiveLine(src);
        if (src.atEnd) this.popFrame();
        continue;
      }
      const spaced = this.skipSpaceAndComments(frame);
      if (src.atEnd) {
        this.popFrame();
        continue;
      }
      const loc = src.loc();
      if (!frame.define && this.atDirective(src)) {
        this.readDirective(src, loc);
        continue;
      }
      const token = this.readToken(frame, loc, spaced);
      if (token) return token;
    }
  }

  private pushFile(path: string, text: string): void {
    const depth = this.frames.filter((f) => !f.define).length;
    this.files.push(path);
    this.frames.push({ src: new SourceText(path, text.replace(/\r\n/g, '\n')) });
    if (depth > MAX_INCLUDE_DEPTH) {
      throw new ConfigError({ file: path, line: 1, column: 1 }, `includes nested too deeply (more than ${MAX_INCLUDE_DEPTH})`, 'fewer nested include_file');
    }
  }

  private popFrame(): void {
    const frame = this.frames.pop()!;
    if (this.frames.length === 0) this.endOfMain = frame.src.loc();
  }

  /** Whitespace and comments; true when any was skipped (or at the start of a frame). */
  private skipSpaceAndComments(frame: Frame): boolean {
    const src = frame.src;
    let skipped = src.pos === 0;
    for (;;) {
      const c = src.peek();
      if (isBlank(c) || c === '\n') {
        src.advance();
      } else if (c === '#' && (frame.define || src.peek(1) !== '!')) {
        src.restOfLine();
      } else if (c === '/' && src.peek(1) === '/') {
        src.restOfLine();
      } else if (c === '/' && src.peek(1) === '*') {
        this.skipBlockComment(src);
      } else return skipped;
      skipped = true;
    }
  }

  /** `/* … *\/` comments nest: an inner opening needs its own close. */
  private skipBlockComment(src: SourceText): void {
    const start = src.loc();
    let depth = 0;
    do {
      if (src.atEnd) throw new ConfigError(start, `unterminated comment (${depth} open)`, '*/ before the end of the file');
      if (src.startsWith('/*')) {
        depth++;
        src.advance(2);
      } else if (src.startsWith('*/')) {
        depth--;
        src.advance(2);
      } else src.advance();
    } while (depth > 0);
  }

  private atDirective(src: SourceText): boolean {
    if (src.startsWith('#!')) return true;
    if (!src.startsWith('!!')) return false;
    const name = /^[A-Za-z_]+/.exec(src.text.slice(src.pos + 2, src.pos + 40))?.[0];
    return name !== undefined && DIRECTIVE_NAMES.has(name);
  }

  /** In a skipped #!ifdef branch: only the conditional directives count, everything else is passed over. */
  private skipInactiveLine(src: SourceText): void {
    src.takeWhile(isBlank);
    if (this.atDirective(src)) {
      const loc = src.loc();
      src.advance(2);
      const name = src.takeWhile(isIdentChar);
      if (Preprocessor.isConditional(name)) {
        this.preprocessor.run(name, src.restOfLine().replace(/^[ \t]+/, ''), loc);
        return;
      }
    }
    src.restOfLine();
    src.advance();
  }

  private readDirective(src: SourceText, loc: SourceLocation): void {
    src.advance(2);
    const name = src.takeWhile(isIdentChar);
    const args = (name === 'define' || name === 'def' || name.startsWith('trydef') || name.startsWith('redef')
      ? this.continuedLine(src)
      : src.restOfLine()
    ).replace(/^[ \t]+/, '');
    const effect = this.preprocessor.run(name, args, loc);
    if (effect.kind === 'include') this.include(effect.path, effect.optional, src.file, loc);
  }

  /** The rest of the line, joined with the next while it ends in a backslash (multi-line defines). */
  private continuedLine(src: SourceText): string {
    let text = '';
    for (;;) {
      const line = src.restOfLine();
      if (!line.endsWith('\\') || src.atEnd) return text + line;
      text += `${line.slice(0, -1)}\n`;
      src.advance();
    }
  }

  /** include_file / import_file: as given, else relative to the including file's directory. */
  private include(rawPath: string, optional: boolean, from: string, loc: SourceLocation): void {
    const path = this.preprocessor.substitute(rawPath);
    const candidates = isAbsolute(path) ? [path] : [resolve(path), resolve(dirname(from), path)];
    for (const candidate of candidates) {
      const text = this.readFile(candidate);
      if (text === undefined) continue;
      this.pushFile(candidate, text);
      return;
    }
    if (!optional) {
      throw new ConfigError(loc, `cannot open included file: ${path} (${candidates[candidates.length - 1]})`, 'an existing file, or import_file for an optional one');
    }
  }

  private readToken(frame: Frame, loc: SourceLocation, spaced: boolean): Token | undefined {
    const src = frame.src;
    const c = src.peek();
    const make = (kind: TokenKind, text: string, extra: Partial<Token> = {}): Token => this.emit(frame, { kind, text, loc, spaceBefore: spaced, ...extra });
    if (c === '"') return make('string', this.preprocessor.substitute(readDoubleQuoted(src)), { quote: '"' });
    if (c === "'") return make('string', this.preprocessor.substitute(readSingleQuoted(src)), { quote: "'" });
    if (c === '$') return make('pv', this.preprocessor.substitute(readPseudoVariable(src)));
    if (c === '@' && isIdentStart(src.peek(1))) return make('select', readSelect(src));
    if (isDigit(c)) return this.readNumberOrAddress(src, loc, make);
    if (isIdentStart(c)) return this.readWord(frame, loc, spaced, make);
    const two = c + src.peek(1);
    if (TWO_CHAR_PUNCT.has(two)) return make('punct', src.advance(2));
    if (ONE_CHAR_PUNCT.has(c)) return make('punct', src.advance());
    throw new ConfigError(loc, `unexpected character ${JSON.stringify(c)}`, 'a word, a number, a string, a $variable or an operator');
  }

  /** Tokens made while re-scanning a define take the place of the name they replaced. */
  private emit(frame: Frame, token: Token): Token {
    const define = frame.define;
    if (!define) return token;
    const spaceBefore = define.produced ? token.spaceBefore : define.spaceBefore;
    define.produced = true;
    return { ...token, loc: define.usedAt, spaceBefore };
  }

  private readNumberOrAddress(src: SourceText, loc: SourceLocation, make: (kind: TokenKind, text: string, extra?: Partial<Token>) => Token): Token {
    const address = /^\d{1,3}(\.\d{1,3}){3}(?![\w.])/.exec(src.text.slice(src.pos, src.pos + 16));
    if (address) return make('ip', src.advance(address[0].length));
    const text = src.takeWhile(isIdentChar);
    const value = parseNumberLiteral(text);
    if (value === undefined) throw new ConfigError(loc, `invalid number ${text}`, 'a decimal, 0x hex, 0 octal or [01]+b binary number');
    return make('number', text, { number: value });
  }

  private readWord(frame: Frame, loc: SourceLocation, spaced: boolean, make: (kind: TokenKind, text: string, extra?: Partial<Token>) => Token): Token | undefined {
    const src = frame.src;
    const word = src.takeWhile(isIdentChar);
    if (!frame.define && (word === 'include_file' || word === 'import_file')) {
      src.takeWhile(isBlank);
      const quote = src.peek();
      if (quote === '"' || quote === "'") {
        const path = quote === '"' ? readDoubleQuoted(src) : readSingleQuoted(src);
        this.include(path, word === 'import_file', src.file, loc);
        return undefined;
      }
      throw new ConfigError(src.loc(), `${word} needs a quoted file name`, `${word} "file.cfg"`);
    }
    const value = this.preprocessor.defines.get(word);
    if (value !== undefined && !RESERVED_WORDS.has(word) && !this.isExpanding(word)) {
      const usedAt = frame.define?.usedAt ?? loc;
      const spaceBefore = frame.define && !frame.define.produced ? frame.define.spaceBefore : spaced;
      if (frame.define) frame.define.produced = true;
      this.frames.push({ src: new SourceText(src.file, value), define: { name: word, usedAt, spaceBefore, produced: false } });
      return undefined;
    }
    const boolean = BOOLEAN_WORDS.get(word);
    if (boolean !== undefined) return make('number', word, { number: boolean });
    return make('ident', word);
  }

  private isExpanding(name: string): boolean {
    return this.frames.some((f) => f.define?.name === name);
  }
}

/** `$name`, `$name(…)`, `$(…)` with balanced parentheses, and `$?`. */
function readPseudoVariable(src: SourceText): string {
  const start = src.loc();
  const begin = src.pos;
  src.advance();
  if (src.peek() === '?') {
    src.advance();
    return '$?';
  }
  if (src.peek() !== '(') {
    if (!isIdentStart(src.peek())) throw new ConfigError(start, 'invalid pseudo-variable', 'a name after $');
    src.takeWhile(isIdentChar);
  }
  if (src.peek() === '(') {
    let depth = 0;
    do {
      const c = src.peek();
      if (src.atEnd || c === '\n') throw new ConfigError(start, `unterminated pseudo-variable ${src.text.slice(begin, src.pos)}`, "')'");
      if (c === '(') depth++;
      else if (c === ')') depth--;
      src.advance();
    } while (depth > 0);
  }
  return src.text.slice(begin, src.pos);
}

/** `@name.name[1].name`. */
function readSelect(src: SourceText): string {
  const begin = src.pos;
  src.advance();
  src.takeWhile(isIdentChar);
  for (;;) {
    if (src.peek() === '.' && isIdentStart(src.peek(1))) {
      src.advance();
      src.takeWhile(isIdentChar);
    } else if (src.peek() === '[' && /^\[-?\d+\]/.test(src.text.slice(src.pos, src.pos + 12))) {
      src.takeWhile((c) => c !== ']');
      src.advance();
    } else return src.text.slice(begin, src.pos);
  }
}
