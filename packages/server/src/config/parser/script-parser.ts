import type { RouteBlock, RouteKind } from '../ast/route-block.js';
import { ConfigError } from '../errors/config-error.js';
import type { Token } from '../lexer/token.js';
import type { CfgVarDeclaration, GlobalParam, LoadedModule, ModuleParam } from '../load/loaded-config.js';
import { formatLocation } from '../source/source-location.js';
import { StatementParser } from './statement-parser.js';
import type { TokenStream } from './token-stream.js';

/** What the top level of a script declares. */
export interface ParsedScript {
  readonly globals: GlobalParam[];
  readonly modules: LoadedModule[];
  readonly modparams: ModuleParam[];
  readonly cfgVars: CfgVarDeclaration[];
  readonly routes: RouteBlock[];
}

/** Called while parsing, in file order, for statements that change what follows. */
export interface ScriptParserHooks {
  /** Right after the module's name is read (MOD_<name> must exist for the very next line). */
  onLoadModule(module: LoadedModule): void;
  /** Before the modparam is kept: the loader checks that a loaded module matches. */
  onModuleParam(param: ModuleParam): void;
}

/** Route keywords: the kind, whether a `[name]` is required, and the name of an unnamed block. */
const ROUTE_KEYWORDS: Record<string, { kind: RouteKind; named: 'required' | 'optional' | 'none'; defaultName: string }> = {
  request_route: { kind: 'request', named: 'none', defaultName: 'DEFAULT_ROUTE' },
  route: { kind: 'request', named: 'optional', defaultName: 'DEFAULT_ROUTE' },
  failure_route: { kind: 'failure', named: 'required', defaultName: 'DEFAULT_FAILURE' },
  branch_route: { kind: 'branch', named: 'required', defaultName: 'DEFAULT_BRANCH' },
  branch_failure_route: { kind: 'branch_failure', named: 'required', defaultName: 'DEFAULT_BRANCH_FAILURE' },
  onreply_route: { kind: 'reply', named: 'optional', defaultName: 'DEFAULT_ONREPLY' },
  reply_route: { kind: 'reply', named: 'none', defaultName: 'DEFAULT_ONREPLY' },
  onsend_route: { kind: 'onsend', named: 'none', defaultName: 'DEFAULT_ONSEND' },
  error_route: { kind: 'error', named: 'none', defaultName: 'DEFAULT_ERROR' },
  event_route: { kind: 'event', named: 'required', defaultName: '' },
};

const DESCRIPTION_WORDS = new Set(['desc', 'descr', 'description']);

/** The top level: globals, modules, module parameters, cfg variables and route blocks. */
export class ScriptParser {
  private readonly statements: StatementParser;
  private readonly script: ParsedScript = { globals: [], modules: [], modparams: [], cfgVars: [], routes: [] };
  private readonly routeKeys = new Map<string, RouteBlock>();

  constructor(
    private readonly tokens: TokenStream,
    private readonly hooks: ScriptParserHooks,
  ) {
    this.statements = new StatementParser(tokens);
  }

  parse(): ParsedScript {
    for (;;) {
      const token = this.tokens.peek();
      if (token.kind === 'eof') return this.script;
      if (token.kind === 'punct' && token.text === ';') {
        this.tokens.next();
        continue;
      }
      if (token.kind !== 'ident') throw this.tokens.unexpected(TOP_LEVEL);
      this.parseTopLevel(token);
    }
  }

  private parseTopLevel(token: Token): void {
    const word = token.text;
    if (word === 'loadmodule' || word === 'loadmodulex') return this.parseLoadModule();
    if (word === 'modparam' || word === 'modparamx') return this.parseModparam();
    if (word === 'loadpath' || word === 'mpath') return this.parseLoadPath();
    const route = ROUTE_KEYWORDS[word];
    if (route) return this.parseRoute(route);
    if (this.tokens.isPunct('=', 1)) return this.parseGlobal();
    if (this.tokens.isPunct('.', 1)) return this.parseCfgVar();
    if (this.tokens.isPunct('[', 1)) return this.parseCfgInstanceVar();
    this.tokens.next();
    throw this.tokens.unexpected(`'=' after ${word} (a global parameter), or '.' (a cfg variable group.name)`);
  }

  private parseLoadModule(): void {
    const keyword = this.tokens.next();
    const path = this.tokens.expectKind('string', `the module's path in quotes after ${keyword.text}`);
    const module: LoadedModule = { name: moduleNameOf(path.text), path: path.text, loc: keyword.loc };
    this.hooks.onLoadModule(module);
    this.script.modules.push(module);
  }

  private parseLoadPath(): void {
    const keyword = this.tokens.next();
    this.tokens.acceptPunct('=');
    const path = this.tokens.expectKind('string', `a directory in quotes after ${keyword.text}`);
    this.script.globals.push({ name: keyword.text, value: path.text, loc: keyword.loc });
  }

  private parseModparam(): void {
    const keyword = this.tokens.next();
    this.tokens.expectPunct('(', `'(' after ${keyword.text}`);
    const module = this.tokens.expectKind('string', 'the module name (a regular expression) in quotes');
    this.tokens.expectPunct(',', "',' after the module name");
    const param = this.tokens.expectKind('string', 'the parameter name in quotes');
    this.tokens.expectPunct(',', "',' after the parameter name");
    const value = this.parseConstant(`a string or a number as the value of ${param.text}`);
    this.tokens.expectPunct(')', `')' after the value of ${param.text}`);
    const modparam: ModuleParam = { module: module.text, param: param.text, value, loc: keyword.loc };
    this.hooks.onModuleParam(modparam);
    this.script.modparams.push(modparam);
  }

  /** A string, a number or a negative number. */
  private parseConstant(expected: string): number | string {
    const negative = this.tokens.isPunct('-') && this.tokens.peek(1).kind === 'number';
    if (negative) this.tokens.next();
    const token = this.tokens.peek();
    if (token.kind === 'number') return this.tokens.next(), negative ? -token.number! | 0 : token.number!;
    if (token.kind === 'string') return this.tokens.next().text;
    throw this.tokens.unexpected(expected);
  }

  /** `name = value`: the value is the rest of the line (up to a `;`), as one number, string or text. */
  private parseGlobal(): void {
    const name = this.tokens.next();
    const equals = this.tokens.next();
    const parts: Token[] = [];
    for (;;) {
      const token = this.tokens.peek();
      if (token.kind === 'eof' || token.loc.line !== equals.loc.line || token.loc.file !== equals.loc.file) break;
      if (token.kind === 'punct' && token.text === ';') break;
      parts.push(this.tokens.next());
    }
    if (parts.length === 0) throw this.tokens.unexpected(`a value for ${name.text} on the same line`);
    this.script.globals.push({ name: name.text, value: globalValue(parts), loc: name.loc });
  }

  private parseCfgVar(): void {
    const group = this.tokens.next();
    this.tokens.next();
    const name = this.tokens.expectKind('ident', `a variable name after ${group.text}.`);
    this.tokens.expectPunct('=', `'=' after ${group.text}.${name.text}`);
    const value = this.parseConstant(`a number or a string as the value of ${group.text}.${name.text}`);
    let description: string | undefined;
    const word = this.tokens.peek();
    if (word.kind === 'ident' && DESCRIPTION_WORDS.has(word.text)) {
      this.tokens.next();
      description = this.tokens.expectKind('string', `the description in quotes after ${word.text}`).text;
    }
    const declaration: CfgVarDeclaration = { group: group.text, name: name.text, value, loc: group.loc };
    this.script.cfgVars.push(description === undefined ? declaration : { ...declaration, description });
  }

  private parseCfgInstanceVar(): void {
    const group = this.tokens.next();
    this.tokens.next();
    const id = this.tokens.expectKind('number', `a group instance number in ${group.text}[…]`);
    this.tokens.expectPunct(']', `']' after ${group.text}[${id.text}`);
    this.tokens.expectPunct('.', `'.' and a variable name after ${group.text}[${id.text}]`);
    const name = this.tokens.expectKind('ident', `a variable name after ${group.text}[${id.text}].`);
    this.tokens.expectPunct('=', `'=' after ${group.text}[${id.text}].${name.text}`);
    const value = this.parseConstant(`a number or a string as the value of ${group.text}[${id.text}].${name.text}`);
    this.script.cfgVars.push({ group: group.text, instance: id.number!, name: name.text, value, loc: group.loc });
  }

  private parseRoute(spec: (typeof ROUTE_KEYWORDS)[string]): void {
    const keyword = this.tokens.next();
    let name = spec.defaultName;
    let kind = spec.kind;
    if (spec.named !== 'none' && this.tokens.isPunct('[')) {
      this.tokens.next();
      name = this.parseRouteName(keyword.text);
      if (keyword.text === 'route') kind = 'route';
      if (keyword.text === 'onreply_route' && name !== '0') kind = 'onreply';
      if (kind === 'reply') name = spec.defaultName;
    } else if (spec.named === 'required') {
      throw this.tokens.unexpected(`'[' and a name after ${keyword.text}`);
    }
    const body = this.statements.parseBlock();
    const route: RouteBlock = { kind, keyword: keyword.text, name, loc: keyword.loc, body };
    const key = `${kind}\0${name}`;
    const first = this.routeKeys.get(key);
    if (first) {
      throw new ConfigError(keyword.loc, 'duplicate route', `one ${keyword.text} block per name (the first is at ${formatLocation(first.loc)})`);
    }
    this.routeKeys.set(key, route);
    this.script.routes.push(route);
  }

  /** A word, number or string; event names are every token up to `]` (`dispatcher:dst-down`). */
  private parseRouteName(keyword: string): string {
    let name = '';
    for (;;) {
      const token = this.tokens.peek();
      if (token.kind === 'punct' && token.text === ']') break;
      if (token.kind === 'eof' || (token.kind === 'punct' && (token.text === '{' || token.text === '}'))) {
        throw this.tokens.unexpected(`a route name and ']' after ${keyword}[`);
      }
      if (name !== '' && keyword !== 'event_route') throw this.tokens.unexpected(`']' after the route name ${name}`);
      name += this.tokens.next().text;
    }
    if (name === '') throw this.tokens.unexpected(`a route name inside ${keyword}[]`);
    this.tokens.next();
    return name;
  }
}

const TOP_LEVEL = 'a global parameter (name = value), loadmodule, modparam, a cfg variable (group.name = value) or a route block';

/** `tm` from `/usr/lib/…/modules/tm.so`, `tm.so` or `tm`. */
export function moduleNameOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base.endsWith('.so') ? base.slice(0, -3) : base;
}

function globalValue(parts: readonly Token[]): number | string {
  const [first, second] = parts;
  if (parts.length === 1 && first!.kind === 'number') return first!.number!;
  if (parts.length === 1 && first!.kind === 'string') return first!.text;
  if (parts.length === 2 && first!.kind === 'punct' && first!.text === '-' && second!.kind === 'number' && !second!.spaceBefore) {
    return -second!.number! | 0;
  }
  return parts.map((t, i) => (i > 0 && t.spaceBefore ? ' ' : '') + (t.kind === 'string' ? JSON.stringify(t.text) : t.text)).join('');
}
