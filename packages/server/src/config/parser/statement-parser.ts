import { ACTION_TYPE, CORE_ACTIONS, moduleFunctionActionType, SWITCH_ACTION_TYPE } from '../ast/core-actions.js';
import type { CallExpression, Expression } from '../ast/expression.js';
import type { ActionTrace, Block, FlowStatement, Statement, SwitchCase, SwitchStatement } from '../ast/statement.js';
import { ConfigError } from '../errors/config-error.js';
import type { Token } from '../lexer/token.js';
import { formatLocation } from '../source/source-location.js';
import { ExpressionParser } from './expression-parser.js';
import type { TokenStream } from './token-stream.js';

const FLOW_WORDS = new Set(['return', 'exit', 'drop', 'break']);

/** Statements of route bodies. Actions are numbered in source order across the whole script. */
export class StatementParser {
  private readonly expressions: ExpressionParser;
  private nextId = 1;

  constructor(private readonly tokens: TokenStream) {
    this.expressions = new ExpressionParser(tokens);
  }

  /** `{ statements }`. */
  parseBlock(): Block {
    const open = this.tokens.expectPunct('{', "'{' to open the block");
    const statements: Statement[] = [];
    for (;;) {
      const token = this.tokens.peek();
      if (token.kind === 'punct' && token.text === '}') {
        this.tokens.next();
        return { statements, loc: open.loc, end: token.loc };
      }
      if (token.kind === 'eof') throw this.tokens.unexpected(`'}' to close the block opened at ${formatLocation(open.loc)}`);
      const statement = this.parseStatement();
      if (statement) statements.push(statement);
    }
  }

  /** One statement; undefined for an empty `;`. */
  parseStatement(): Statement | undefined {
    const token = this.tokens.peek();
    if (token.kind === 'punct' && token.text === ';') {
      this.tokens.next();
      return undefined;
    }
    if (token.kind === 'punct' && token.text === '{') {
      const id = this.nextId++;
      const block = this.parseBlock();
      return { kind: 'block', id, loc: token.loc, block, trace: this.traceAfter(ACTION_TYPE.block, 'block') };
    }
    if (token.kind === 'pv') return this.parseAssignment();
    if (token.kind === 'ident') {
      switch (token.text) {
        case 'if':
          return this.parseIf();
        case 'while':
          return this.parseWhile();
        case 'switch':
          return this.parseSwitch();
        case 'else':
          throw new ConfigError(token.loc, "'else' without 'if'", 'a statement');
      }
      if (FLOW_WORDS.has(token.text)) return this.parseFlow();
      return this.parseCall();
    }
    throw this.tokens.unexpected('a statement: a function call, $var = value;, if, switch, while, return, exit, drop or break');
  }

  private parseIf(): Statement {
    const start = this.tokens.next();
    const id = this.nextId++;
    const condition = this.expressions.parseExpression();
    const then = this.parseBody('if');
    const otherwise = this.tokens.isWord('else') ? (this.tokens.next(), this.parseBody('else')) : undefined;
    const trace = this.traceAfter(ACTION_TYPE.if, 'if');
    return otherwise === undefined
      ? { kind: 'if', id, loc: start.loc, condition, then, trace }
      : { kind: 'if', id, loc: start.loc, condition, then, else: otherwise, trace };
  }

  private parseWhile(): Statement {
    const start = this.tokens.next();
    const id = this.nextId++;
    const condition = this.expressions.parseExpression();
    const body = this.parseBody('while');
    return { kind: 'while', id, loc: start.loc, condition, body, trace: this.traceAfter(ACTION_TYPE.while, 'while') };
  }

  /** The statement after if/else/while; an empty `;` becomes an empty block. */
  private parseBody(after: string): Statement {
    const token = this.tokens.peek();
    if (token.kind === 'eof' || (token.kind === 'punct' && token.text === '}')) throw this.tokens.unexpected(`a statement after ${after}`);
    const statement = this.parseStatement();
    if (statement) return statement;
    const empty: Block = { statements: [], loc: token.loc, end: token.loc };
    return { kind: 'block', id: this.nextId++, loc: token.loc, block: empty, trace: { line: token.loc.line, type: ACTION_TYPE.block, name: 'block' } };
  }

  private parseSwitch(): SwitchStatement {
    const start = this.tokens.next();
    const id = this.nextId++;
    const subject = this.expressions.parseExpression();
    const open = this.tokens.expectPunct('{', "'{' after the switch value");
    const cases: SwitchCase[] = [];
    let labelKind: 'int' | 'string' | undefined;
    let sawDefault = false;
    while (!this.tokens.isPunct('}')) {
      const token = this.tokens.peek();
      if (token.kind === 'eof') throw this.tokens.unexpected(`'}' to close the switch opened at ${formatLocation(open.loc)}`);
      if (token.kind !== 'ident' || (token.text !== 'case' && token.text !== 'default')) {
        throw this.tokens.unexpected("'case' or 'default' in the switch");
      }
      this.tokens.next();
      let label: SwitchCase['label'];
      if (token.text === 'default') {
        if (sawDefault) throw new ConfigError(token.loc, 'more than one default in switch', 'one default: label');
        sawDefault = true;
      } else {
        label = this.parseCaseLabel();
        const kind = label.kind === 'int' ? 'int' : 'string';
        if (labelKind !== undefined && kind !== labelKind) {
          throw new ConfigError(token.loc, 'bad switch(): mixed integer and string/RE cases not allowed', `only ${labelKind === 'int' ? 'integer' : 'string'} labels in this switch`);
        }
        labelKind = kind;
      }
      this.tokens.expectPunct(':', `':' after the ${token.text} label`);
      const statements: Statement[] = [];
      while (!this.tokens.isPunct('}') && !this.tokens.isWord('case') && !this.tokens.isWord('default')) {
        if (this.tokens.peek().kind === 'eof') break;
        const statement = this.parseStatement();
        if (statement) statements.push(statement);
      }
      cases.push(label === undefined ? { statements, loc: token.loc } : { label, statements, loc: token.loc });
    }
    this.tokens.next();
    const type = labelKind === 'string' ? SWITCH_ACTION_TYPE.string : labelKind === 'int' ? SWITCH_ACTION_TYPE.int : ACTION_TYPE.switch;
    return { kind: 'switch', id, loc: start.loc, subject, cases, trace: this.traceAfter(type, 'switch') };
  }

  /** `case 1:`, `case -1:`, `case "text":`, `case /"regex":` — constants only. */
  private parseCaseLabel(): NonNullable<SwitchCase['label']> {
    const regex = this.tokens.acceptPunct('/');
    const negative = !regex && this.tokens.acceptPunct('-');
    const token = this.tokens.peek();
    if (token.kind === 'string') {
      if (negative) throw this.tokens.unexpected('a number after -');
      this.tokens.next();
      return { kind: regex ? 'regex' : 'string', value: token.text };
    }
    if (token.kind === 'number' && !regex) {
      this.tokens.next();
      return { kind: 'int', value: negative ? -token.number! | 0 : token.number! };
    }
    throw this.tokens.unexpected(regex ? 'a quoted regular expression after case /' : 'a constant case label: a number or a string');
  }

  private parseFlow(): FlowStatement {
    const start = this.tokens.next();
    const id = this.nextId++;
    const kind = start.text as FlowStatement['kind'];
    let value: Expression | undefined;
    if (kind !== 'break' && this.startsValue()) {
      if (this.tokens.isPunct('(') && this.tokens.isPunct(')', 1)) this.tokens.next(), this.tokens.next();
      else value = this.expressions.parseExpression();
    }
    const end = this.expectSemicolon(kind);
    const trace = { line: end.loc.line, type: ACTION_TYPE.exit, name: kind === 'break' ? 'exit' : kind };
    return value === undefined ? { kind, id, loc: start.loc, trace } : { kind, id, loc: start.loc, value, trace };
  }

  /** Whether a flow keyword is followed by a value (so `exit }` reports the missing ';'). */
  private startsValue(): boolean {
    const token = this.tokens.peek();
    if (token.kind === 'eof') return false;
    return token.kind !== 'punct' || ['(', '-', '!', '~'].includes(token.text);
  }

  private parseAssignment(): Statement {
    const target = this.tokens.next();
    const id = this.nextId++;
    if (!this.tokens.isPunct('=')) throw this.tokens.unexpected(`'=' to assign to ${target.text}`);
    this.tokens.next();
    const value = this.expressions.parseExpression();
    const end = this.expectSemicolon(`the assignment to ${target.text}`);
    return {
      kind: 'assign',
      id,
      loc: target.loc,
      target: { kind: 'pv', text: target.text, loc: target.loc },
      value,
      trace: { line: end.loc.line, type: ACTION_TYPE.assign, name: 'assign' },
    };
  }

  private parseCall(): Statement {
    const name = this.tokens.next();
    const id = this.nextId++;
    const call: CallExpression = this.tokens.isPunct('(')
      ? this.expressions.parseCallArguments(name)
      : { kind: 'call', name: name.text, args: [], parenthesized: false, loc: name.loc };
    const end = this.expectSemicolon(`${name.text}${call.parenthesized ? '(…)' : ''}`);
    const core = CORE_ACTIONS.get(call.name);
    const trace: ActionTrace = core
      ? { line: end.loc.line, type: core.type, name: core.traceName }
      : { line: end.loc.line, type: moduleFunctionActionType(call.args), name: call.name };
    return { kind: 'call', id, loc: name.loc, call, trace };
  }

  private expectSemicolon(after: string): Token {
    if (!this.tokens.isPunct(';')) throw this.tokens.unexpected(`';' after ${after}`);
    return this.tokens.next();
  }

  /** if/switch/while/blocks report the line of the first token after them, as Kamailio's parser does. */
  private traceAfter(type: number, name: string): ActionTrace {
    return { line: this.tokens.peek().loc.line, type, name };
  }
}
