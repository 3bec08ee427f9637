import type { Statement } from './statement.js';

/** Every statement of a list, nested ones included (if/else branches, while bodies, blocks, switch cases), in source order. */
export function flattenStatements(statements: readonly Statement[]): Statement[] {
  const flat: Statement[] = [];
  const walk = (s: Statement): void => {
    flat.push(s);
    if (s.kind === 'if') [s.then, s.else].forEach((c) => c && walk(c));
    if (s.kind === 'while') walk(s.body);
    if (s.kind === 'block') s.block.statements.forEach(walk);
    if (s.kind === 'switch') s.cases.forEach((c) => c.statements.forEach(walk));
  };
  statements.forEach(walk);
  return flat;
}
