import type { SourceLocation } from '../source/source-location.js';
import type { CallExpression, Expression, PseudoVariable } from './expression.js';

/**
 * What the debugger reports for an action (Kamailio's `l=`, `a=`, `n=` of a trace line): the line
 * Kamailio's parser gives it (the terminating `;` for simple statements, the first token after the
 * construct for if/switch/while), the 5.6.3 action type number and the action name.
 */
export interface ActionTrace {
  readonly line: number;
  readonly type: number;
  readonly name: string;
}

/**
 * Fields every executable statement has. `id` is unique in one loaded config and stable for the
 * same text (statements are numbered in source order from 1), so breakpoints can name an action.
 */
export interface ActionBase {
  readonly id: number;
  /** Where the statement starts. */
  readonly loc: SourceLocation;
  readonly trace: ActionTrace;
}

export type Statement =
  | IfStatement
  | SwitchStatement
  | WhileStatement
  | BlockStatement
  | CallStatement
  | AssignStatement
  | FlowStatement;

export interface Block {
  readonly statements: readonly Statement[];
  readonly loc: SourceLocation;
  /** The closing `}`. */
  readonly end: SourceLocation;
}

export interface IfStatement extends ActionBase {
  readonly kind: 'if';
  readonly condition: Expression;
  readonly then: Statement;
  readonly else?: Statement;
}

export interface WhileStatement extends ActionBase {
  readonly kind: 'while';
  readonly condition: Expression;
  readonly body: Statement;
}

export interface SwitchCase {
  /** Undefined for `default:`. */
  readonly label?: { readonly kind: 'int'; readonly value: number } | { readonly kind: 'string'; readonly value: string } | { readonly kind: 'regex'; readonly value: string };
  readonly statements: readonly Statement[];
  readonly loc: SourceLocation;
}

export interface SwitchStatement extends ActionBase {
  readonly kind: 'switch';
  readonly subject: Expression;
  readonly cases: readonly SwitchCase[];
}

export interface BlockStatement extends ActionBase {
  readonly kind: 'block';
  readonly block: Block;
}

/** A module function or core action as a statement; its value goes to `$rc` (and 0 ends the script). */
export interface CallStatement extends ActionBase {
  readonly kind: 'call';
  readonly call: CallExpression;
}

export interface AssignStatement extends ActionBase {
  readonly kind: 'assign';
  readonly target: PseudoVariable;
  readonly value: Expression;
}

/** `return`, `exit`, `drop` (with an optional value) and `break`. */
export interface FlowStatement extends ActionBase {
  readonly kind: 'return' | 'exit' | 'drop' | 'break';
  readonly value?: Expression;
}
