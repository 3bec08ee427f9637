/** Evaluates a parsed word against the variables known at that point (no field splitting: values only). */
import type { Word } from '../parse/shell-word.js';

export type Lookup = (name: string) => string | undefined;

export type Expansion = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly construct: string };

export function expandWord(word: Word, lookup: Lookup): Expansion {
  let value = '';
  for (const part of word) {
    if (part.kind === 'literal') {
      value += part.text;
    } else if (part.kind === 'unsupported') {
      return { ok: false, construct: part.construct };
    } else {
      const current = lookup(part.name);
      const set = current !== undefined;
      const nonEmpty = set && current !== '';
      let useOperand = false;
      let text = current ?? '';
      switch (part.operator) {
        case '-':
          useOperand = !set;
          break;
        case ':-':
          useOperand = !nonEmpty;
          break;
        case '+':
          useOperand = set;
          text = '';
          break;
        case ':+':
          useOperand = nonEmpty;
          text = '';
          break;
        case undefined:
          break;
      }
      if (useOperand) {
        const operand = expandWord(part.operand ?? [], lookup);
        if (!operand.ok) return operand;
        text = operand.value;
      }
      value += text;
    }
  }
  return { ok: true, value };
}
