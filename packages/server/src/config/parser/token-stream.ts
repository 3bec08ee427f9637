import { ConfigError } from '../errors/config-error.js';
import type { Lexer } from '../lexer/lexer.js';
import { describeToken, type Token } from '../lexer/token.js';

/**
 * The lexer with lookahead. Tokens are pulled only when asked for, so that a directive after a
 * `loadmodule` line is read after the loader defined MOD_<name> (the parser never looks further
 * ahead than the statement it is finishing).
 */
export class TokenStream {
  private readonly buffer: Token[] = [];

  constructor(private readonly lexer: Lexer) {}

  peek(offset = 0): Token {
    while (this.buffer.length <= offset) this.buffer.push(this.lexer.next());
    return this.buffer[offset]!;
  }

  next(): Token {
    const token = this.peek();
    this.buffer.shift();
    return token;
  }

  isPunct(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'punct' && token.text === text;
  }

  isWord(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'ident' && token.text === text;
  }

  /** Consumes `text` if it is next. */
  acceptPunct(text: string): boolean {
    if (!this.isPunct(text)) return false;
    this.next();
    return true;
  }

  expectPunct(text: string, expected = `'${text}'`): Token {
    if (!this.isPunct(text)) throw this.unexpected(expected);
    return this.next();
  }

  expectKind(kind: Token['kind'], expected: string): Token {
    if (this.peek().kind !== kind) throw this.unexpected(expected);
    return this.next();
  }

  /** An error at the next token: `unexpected <it>, expected <what>`. */
  unexpected(expected: string, token: Token = this.peek()): ConfigError {
    return new ConfigError(token.loc, `unexpected ${describeToken(token)}`, expected);
  }
}
