import type {
  BinaryOperator,
  CallExpression,
  CoreConditionSubject,
  Expression,
  UnaryOperator,
} from '../ast/expression.js';
import { ConfigError } from '../errors/config-error.js';
import type { Token } from '../lexer/token.js';
import type { TokenStream } from './token-stream.js';

/** Binary precedence levels, loosest first (bitwise operators bind more loosely than comparisons). */
const LEVELS: readonly (readonly string[])[] = [
  ['||', 'or'],
  ['&&', 'and'],
  ['|'],
  ['&'],
  ['^'],
  ['<<'],
  ['>>'],
  ['==', '!=', '=~', 'eq', 'ne', 'ieq', 'ine'],
  ['<', '>', '<=', '>='],
  ['+', '-'],
  ['*', '/', 'mod'],
];

const WORD_OPERATORS: Record<string, BinaryOperator> = { or: '||', and: '&&', mod: 'mod', eq: 'eq', ne: 'ne', ieq: 'ieq', ine: 'ine' };
const COMPARISONS = new Set(['==', '!=', '=~', 'eq', 'ne', 'ieq', 'ine', '<', '>', '<=', '>=']);
const CORE_SUBJECTS = new Set<string>(['method', 'uri', 'status', 'from_uri', 'to_uri', 'src_ip', 'src_port', 'dst_ip', 'dst_port', 'proto', 'af']);
const PROTO_WORDS = new Set(['udp', 'tcp', 'tls', 'sctp', 'ws', 'wss', 'INET', 'INET6']);
const INTEGER_ONLY = new Set<BinaryOperator>(['-', '*', '/', 'mod', '&', '|', '^', '<<', '>>']);

/** Expressions of route bodies (conditions, assignments' values, function arguments). */
export class ExpressionParser {
  /** Inside a function's argument list, where bare words are names and calls are not allowed. */
  private argumentDepth = 0;

  constructor(private readonly tokens: TokenStream) {}

  parseExpression(): Expression {
    return this.parseLevel(0);
  }

  /** `name(args)` with the name already consumed; arguments are expressions. */
  parseCallArguments(name: Token): CallExpression {
    const args: Expression[] = [];
    this.tokens.expectPunct('(');
    this.argumentDepth++;
    try {
      if (!this.tokens.isPunct(')')) {
        do args.push(this.parseExpression());
        while (this.tokens.acceptPunct(','));
      }
      this.tokens.expectPunct(')', `',' or ')' in the arguments of ${name.text}()`);
    } finally {
      this.argumentDepth--;
    }
    return { kind: 'call', name: name.text, args, parenthesized: true, loc: name.loc };
  }

  private parseLevel(level: number): Expression {
    if (level >= LEVELS.length) return this.parseUnary();
    let left = this.parseLevel(level + 1);
    for (;;) {
      const operator = this.binaryOperatorAt(level);
      if (operator === undefined) return left;
      const opToken = this.tokens.next();
      const right = this.parseLevel(level + 1);
      checkConstantTypes(operator, left, right);
      left = { kind: 'binary', operator, left, right, loc: opToken.loc };
    }
  }

  private binaryOperatorAt(level: number): BinaryOperator | undefined {
    const token = this.tokens.peek();
    const text = token.text;
    if (token.kind === 'punct' && text === '!' && this.tokens.isPunct('~', 1) && !this.tokens.peek(1).spaceBefore) {
      throw new ConfigError(token.loc, "'!~' is not an operator in Kamailio 5.6", '!(a =~ b) to negate a regex match');
    }
    if (token.kind === 'punct' && text === '%') throw new ConfigError(token.loc, "'%' is not an operator", "'mod' for the remainder");
    if (token.kind !== 'punct' && token.kind !== 'ident') return undefined;
    if (!LEVELS[level]!.includes(text)) return undefined;
    if (token.kind === 'ident') return WORD_OPERATORS[text];
    return text as BinaryOperator;
  }

  private parseUnary(): Expression {
    const token = this.tokens.peek();
    const operator = this.unaryOperator();
    if (operator === undefined) return this.parsePrimary();
    if (operator === '(int)' || operator === '(str)') this.tokens.next(), this.tokens.next();
    this.tokens.next();
    return { kind: 'unary', operator, operand: this.parseUnary(), loc: token.loc };
  }

  private unaryOperator(): UnaryOperator | undefined {
    const token = this.tokens.peek();
    if (token.kind === 'punct') {
      if (token.text === '!' || token.text === '-' || token.text === '~') return token.text;
      const cast = this.tokens.peek(1);
      if (token.text === '(' && cast.kind === 'ident' && (cast.text === 'int' || cast.text === 'str') && this.tokens.isPunct(')', 2)) {
        return cast.text === 'int' ? '(int)' : '(str)';
      }
      return undefined;
    }
    if (token.kind === 'ident' && token.text === 'not') return '!';
    if (token.kind === 'ident' && token.text === 'defined') return 'defined';
    return undefined;
  }

  private parsePrimary(): Expression {
    const token = this.tokens.peek();
    switch (token.kind) {
      case 'number':
        this.tokens.next();
        return { kind: 'int', value: token.number!, loc: token.loc };
      case 'string':
        this.tokens.next();
        return { kind: 'string', value: token.text, quote: token.quote ?? '"', loc: token.loc };
      case 'pv':
        this.tokens.next();
        return { kind: 'pv', text: token.text, loc: token.loc };
      case 'select':
        this.tokens.next();
        return { kind: 'select', text: token.text, loc: token.loc };
      case 'ip':
        return this.parseAddress();
      case 'ident':
        return this.parseWord();
      case 'punct':
        if (token.text === '(') {
          this.tokens.next();
          const inner = this.parseExpression();
          this.tokens.expectPunct(')', "')' to close '('");
          return inner;
        }
    }
    throw this.tokens.unexpected('a value: a number, a string, a $variable, a function call or (expression)');
  }

  private parseAddress(): Expression {
    const token = this.tokens.next();
    if (!this.tokens.isPunct('/') || this.tokens.peek(1).spaceBefore) return { kind: 'address', address: token.text, loc: token.loc };
    this.tokens.next();
    const mask = this.tokens.peek();
    if (mask.kind === 'number') return this.tokens.next(), { kind: 'address', address: token.text, mask: mask.number!, loc: token.loc };
    if (mask.kind === 'ip') return this.tokens.next(), { kind: 'address', address: token.text, mask: mask.text, loc: token.loc };
    throw this.tokens.unexpected('a prefix length or a netmask after /');
  }

  private parseWord(): Expression {
    const token = this.tokens.peek();
    const word = token.text;
    if ((word === 'strlen' || word === 'strempty') && this.tokens.isPunct('(', 1)) {
      this.tokens.next();
      this.tokens.next();
      const argument = this.parseExpression();
      this.tokens.expectPunct(')', `')' after the argument of ${word}()`);
      return { kind: word, argument, loc: token.loc };
    }
    if (word === 'selval' && this.tokens.isPunct('(', 1)) return this.parseSelval();
    if (word === 'myself') return this.parseMyself();
    const subject = this.coreSubject();
    if (subject !== undefined) return this.parseCoreCondition(subject);
    if (this.tokens.isPunct('(', 1)) {
      if (this.argumentDepth > 0) throw new ConfigError(token.loc, 'use of function execution inside params not allowed', 'a constant, a $variable or an expression as argument');
      return this.parseCallArguments(this.tokens.next());
    }
    this.tokens.next();
    if (this.argumentDepth > 0) return { kind: 'ident', name: word, loc: token.loc };
    return { kind: 'call', name: word, args: [], parenthesized: false, loc: token.loc };
  }

  private parseSelval(): Expression {
    const token = this.tokens.next();
    this.tokens.next();
    const condition = this.parseExpression();
    this.tokens.expectPunct(',', "',' after the condition of selval()");
    const whenTrue = this.parseExpression();
    this.tokens.expectPunct(',', "',' after the second argument of selval()");
    const whenFalse = this.parseExpression();
    this.tokens.expectPunct(')', "')' after the third argument of selval()");
    return { kind: 'selval', condition, whenTrue, whenFalse, loc: token.loc };
  }

  /** `myself == uri` is `uri == myself` written the other way round. */
  private parseMyself(): Expression {
    const token = this.tokens.next();
    const op = this.tokens.peek();
    if ((op.text === '==' || op.text === '!=') && op.kind === 'punct' && CORE_SUBJECTS.has(this.tokens.peek(1).text)) {
      this.tokens.next();
      const subject = this.tokens.next().text as CoreConditionSubject;
      return { kind: 'core-condition', subject, operator: op.text, value: { kind: 'myself', loc: token.loc }, loc: token.loc };
    }
    return { kind: 'myself', loc: token.loc };
  }

  /** A core-condition subject followed by a comparison (`msg:len` is three tokens). */
  private coreSubject(): CoreConditionSubject | undefined {
    const word = this.tokens.peek().text;
    if (word === 'msg' && this.tokens.isPunct(':', 1) && this.tokens.isWord('len', 2)) return 'msg:len';
    if (!CORE_SUBJECTS.has(word)) return undefined;
    const next = this.tokens.peek(1);
    if ((next.kind === 'punct' || next.kind === 'ident') && COMPARISONS.has(next.text)) return word as CoreConditionSubject;
    if (this.tokens.isPunct('(', 1) || this.argumentDepth > 0) return undefined;
    throw new ConfigError(next.loc, `${word} needs a comparison`, `${word} == value, ${word} != value or ${word} =~ "regex"`);
  }

  private parseCoreCondition(subject: CoreConditionSubject): Expression {
    const start = this.tokens.next();
    if (subject === 'msg:len') this.tokens.next(), this.tokens.next();
    const opToken = this.tokens.next();
    const operator = (WORD_OPERATORS[opToken.text] ?? opToken.text) as BinaryOperator;
    const value = this.parseCoreConditionValue(subject);
    return { kind: 'core-condition', subject, operator, value, loc: start.loc };
  }

  private parseCoreConditionValue(subject: CoreConditionSubject): Expression {
    const token = this.tokens.peek();
    if (token.kind === 'ident' && token.text === 'myself') return this.tokens.next(), { kind: 'myself', loc: token.loc };
    if (token.kind === 'ip' && (subject === 'src_ip' || subject === 'dst_ip')) return this.parseAddress();
    if (token.kind === 'ident' && !this.tokens.isPunct('(', 1) && (PROTO_WORDS.has(token.text) || subject === 'method')) {
      this.tokens.next();
      return { kind: 'ident', name: token.text, loc: token.loc };
    }
    return this.parseLevel(LEVELS.findIndex((ops) => ops.includes('+')));
  }
}

/** Constant operands are type-checked when parsed, as Kamailio does (`1 + "2"` is rejected). */
function checkConstantTypes(operator: BinaryOperator, left: Expression, right: Expression): void {
  const wrong = operator === '+' ? (left.kind === 'int' && right.kind === 'string' ? right : undefined) : INTEGER_ONLY.has(operator) ? [left, right].find((e) => e.kind === 'string') : undefined;
  if (wrong) {
    throw new ConfigError(wrong.loc, 'bad expression: type mismatch: str instead of int', `an integer operand for '${operator}'`);
  }
}
