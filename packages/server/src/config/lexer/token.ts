import type { SourceLocation } from '../source/source-location.js';

/**
 * Token kinds. Words are all `ident` (the parser decides which are keywords in its context); the
 * boolean words `yes/true/on/enable/no/false/off/disable` are numbers, as Kamailio lexes them.
 */
export type TokenKind = 'ident' | 'number' | 'string' | 'pv' | 'select' | 'ip' | 'punct' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** The spelling: source text (after define expansion); for strings the decoded value, for PVs after #!subst. */
  readonly text: string;
  /** Numbers only. */
  readonly number?: number;
  /** Strings only: which quote opened it (`'` strings are raw). */
  readonly quote?: '"' | "'";
  readonly loc: SourceLocation;
  /** Whitespace (or a comment) stood before it: how `udp:1.2.3.4:5060 advertise …` is rebuilt as text. */
  readonly spaceBefore: boolean;
}

export function describeToken(token: Token): string {
  switch (token.kind) {
    case 'eof':
      return 'end of file';
    case 'string':
      return `string ${JSON.stringify(token.text)}`;
    case 'number':
      return `number ${token.text}`;
    case 'punct':
      return `'${token.text}'`;
    case 'pv':
      return `pseudo-variable ${token.text}`;
    case 'select':
      return `select ${token.text}`;
    case 'ip':
      return `address ${token.text}`;
    case 'ident':
      return `'${token.text}'`;
  }
}
