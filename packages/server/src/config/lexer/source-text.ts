import type { SourceLocation } from '../source/source-location.js';

/** One text being scanned (a file, or a define's value), with the position of the next character. */
export class SourceText {
  pos = 0;
  line = 1;
  column = 1;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {}

  get atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  peek(offset = 0): string {
    return this.text[this.pos + offset] ?? '';
  }

  startsWith(prefix: string): boolean {
    return this.text.startsWith(prefix, this.pos);
  }

  advance(count = 1): string {
    let taken = '';
    for (let i = 0; i < count && this.pos < this.text.length; i++) {
      const char = this.text[this.pos++]!;
      taken += char;
      if (char === '\n') {
        this.line++;
        this.column = 1;
      } else this.column++;
    }
    return taken;
  }

  /** Takes characters while `test` holds. */
  takeWhile(test: (char: string) => boolean): string {
    const start = this.pos;
    while (this.pos < this.text.length && test(this.text[this.pos]!)) this.advance();
    return this.text.slice(start, this.pos);
  }

  /** The rest of the current line, without the newline (which stays unread). */
  restOfLine(): string {
    return this.takeWhile((c) => c !== '\n');
  }

  loc(): SourceLocation {
    return { file: this.file, line: this.line, column: this.column };
  }
}

export const isIdentStart = (c: string): boolean => /^[A-Za-z_]$/.test(c);
export const isIdentChar = (c: string): boolean => /^[A-Za-z0-9_]$/.test(c);
export const isDigit = (c: string): boolean => c >= '0' && c <= '9';
export const isBlank = (c: string): boolean => c === ' ' || c === '\t' || c === '\r';
