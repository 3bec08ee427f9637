import type { SourceLocation } from '../source/source-location.js';

/** Binary operators, with the word forms normalised (`and` → `&&`, `or` → `||`, `mod` stays `mod`). */
export type BinaryOperator =
  | '||' | '&&' | '|' | '&' | '^' | '<<' | '>>'
  | '==' | '!=' | '=~' | 'eq' | 'ne' | 'ieq' | 'ine'
  | '<' | '>' | '<=' | '>='
  | '+' | '-' | '*' | '/' | 'mod';

export type UnaryOperator = '!' | '-' | '~' | 'defined' | '(int)' | '(str)';

/** The subjects of Kamailio's core conditions (`uri == myself`, `src_ip == 10.0.0.0/8`, …). */
export type CoreConditionSubject =
  | 'method' | 'uri' | 'status' | 'from_uri' | 'to_uri'
  | 'src_ip' | 'src_port' | 'dst_ip' | 'dst_port' | 'proto' | 'af' | 'msg:len';

export type Expression =
  | IntLiteral
  | StringLiteral
  | PseudoVariable
  | SelectExpression
  | IdentifierExpression
  | AddressExpression
  | MyselfExpression
  | CallExpression
  | UnaryExpression
  | BinaryExpression
  | CoreCondition
  | StringFunction
  | SelvalExpression;

export interface IntLiteral {
  readonly kind: 'int';
  readonly value: number;
  readonly loc: SourceLocation;
}

export interface StringLiteral {
  readonly kind: 'string';
  readonly value: string;
  /** `'` strings are raw (no escapes); both are constants. */
  readonly quote: '"' | "'";
  readonly loc: SourceLocation;
}

/** `$name`, `$name(inner)`, `$(name(inner)[index]{transformation})`, as written (after #!subst). */
export interface PseudoVariable {
  readonly kind: 'pv';
  readonly text: string;
  readonly loc: SourceLocation;
}

/** `@cfg_get.group.var` and other selects. */
export interface SelectExpression {
  readonly kind: 'select';
  readonly text: string;
  readonly loc: SourceLocation;
}

/** A bare word where a value is expected: a route name in `route(NAME)`, `udp` in `proto == udp`, … */
export interface IdentifierExpression {
  readonly kind: 'ident';
  readonly name: string;
  readonly loc: SourceLocation;
}

/** An IPv4 address, optionally with a `/bits` or `/netmask` (core conditions on src_ip/dst_ip). */
export interface AddressExpression {
  readonly kind: 'address';
  readonly address: string;
  readonly mask?: number | string;
  readonly loc: SourceLocation;
}

export interface MyselfExpression {
  readonly kind: 'myself';
  readonly loc: SourceLocation;
}

/** A module function or core action used as a value: `if (is_method("INVITE"))`, `route(X)`. */
export interface CallExpression {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly Expression[];
  /** False for the `force_rport;` spelling without parentheses. */
  readonly parenthesized: boolean;
  readonly loc: SourceLocation;
}

export interface UnaryExpression {
  readonly kind: 'unary';
  readonly operator: UnaryOperator;
  readonly operand: Expression;
  readonly loc: SourceLocation;
}

export interface BinaryExpression {
  readonly kind: 'binary';
  readonly operator: BinaryOperator;
  readonly left: Expression;
  readonly right: Expression;
  readonly loc: SourceLocation;
}

/** `method == "INVITE"`, `uri == myself`, `src_ip != 10.0.0.0/8`, `proto == udp`, `myself == uri` (normalised). */
export interface CoreCondition {
  readonly kind: 'core-condition';
  readonly subject: CoreConditionSubject;
  readonly operator: BinaryOperator;
  readonly value: Expression;
  readonly loc: SourceLocation;
}

export interface StringFunction {
  readonly kind: 'strlen' | 'strempty';
  readonly argument: Expression;
  readonly loc: SourceLocation;
}

/** `selval(cond, a, b)`. */
export interface SelvalExpression {
  readonly kind: 'selval';
  readonly condition: Expression;
  readonly whenTrue: Expression;
  readonly whenFalse: Expression;
  readonly loc: SourceLocation;
}
