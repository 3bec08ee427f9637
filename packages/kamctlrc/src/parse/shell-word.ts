/**
 * What the kamctlrc parser makes of a file: statements of words, each word a list of parts
 * (literal text and parameter expansions), evaluated later against the variables known by then.
 */

/** `${NAME-word}`, `${NAME:-word}`, `${NAME+word}`, `${NAME:+word}`: the operators we evaluate. */
export type ParameterOperator = '-' | ':-' | '+' | ':+';

export type WordPart =
  | { readonly kind: 'literal'; readonly text: string; readonly quoted: boolean }
  | { readonly kind: 'parameter'; readonly name: string; readonly operator?: ParameterOperator; readonly operand?: Word }
  /** A construct we do not evaluate (command substitution, arithmetic, `${#X}`, `$1`...). */
  | { readonly kind: 'unsupported'; readonly construct: string };

export type Word = readonly WordPart[];

export interface RcAssignment {
  readonly name: string;
  readonly value: Word;
  readonly line: number;
}

export type RcStatement =
  | { readonly kind: 'assign'; readonly assignments: readonly RcAssignment[]; readonly line: number }
  | { readonly kind: 'unset'; readonly names: readonly string[]; readonly line: number };

export interface RcWarning {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export interface ParsedRcFile {
  readonly file: string;
  readonly statements: readonly RcStatement[];
  readonly warnings: readonly RcWarning[];
}

/** The word as plain text when it is nothing but unquoted literal text (keywords, command names). */
export function plainText(word: Word): string | undefined {
  if (word.length === 0) return undefined;
  let text = '';
  for (const part of word) {
    if (part.kind !== 'literal' || part.quoted) return undefined;
    text += part.text;
  }
  return text;
}
