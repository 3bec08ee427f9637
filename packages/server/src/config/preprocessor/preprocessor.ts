import { ConfigError } from '../errors/config-error.js';
import type { SourceLocation } from '../source/source-location.js';
import { ConditionalStack } from './conditional-stack.js';
import type { DefineTable } from './define-table.js';
import { SubstRule } from './subst-rule.js';

/** What a directive asks the lexer to do next. */
export type DirectiveEffect = { kind: 'none' } | { kind: 'include'; path: string; optional: boolean };

/** The directive names with the same meaning. */
const DIRECTIVE_ALIASES: Record<string, string> = {
  def: 'define',
  trydefine: 'trydef',
  redef: 'redefine',
};

/** Directives that act even inside a skipped #!ifdef branch (to keep the nesting right). */
const CONDITIONAL_DIRECTIVES = new Set(['ifdef', 'ifndef', 'else', 'endif']);

/** Every directive name the preprocessor knows; other `#!WORD` lines (`#!KAMAILIO`, …) are markers. */
export const DIRECTIVE_NAMES: ReadonlySet<string> = new Set([
  'define', 'def', 'trydef', 'trydefine', 'redefine', 'redef', 'ifdef', 'ifndef', 'else', 'endif',
  'subst', 'substdef', 'substdefs', 'defenv', 'defenvs', 'trydefenv', 'trydefenvs', 'include_file', 'import_file',
]);

/**
 * The preprocessor state: defines, #!ifdef nesting, #!subst rules. The lexer reads a directive's
 * name and argument text (with backslash-newline already joined for defines) and hands them here.
 */
export class Preprocessor {
  readonly conditionals = new ConditionalStack();
  readonly substRules: SubstRule[] = [];

  constructor(
    readonly defines: DefineTable,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  get active(): boolean {
    return this.conditionals.active;
  }

  static isConditional(name: string): boolean {
    return CONDITIONAL_DIRECTIVES.has(name);
  }

  /** Applies every #!subst rule so far, in order, to a string or PV token. */
  substitute(text: string): string {
    let out = text;
    for (const rule of this.substRules) out = rule.apply(out);
    return out;
  }

  /** `args` is the text after the directive name, leading blanks removed. */
  run(rawName: string, args: string, loc: SourceLocation): DirectiveEffect {
    const name = DIRECTIVE_ALIASES[rawName] ?? rawName;
    switch (name) {
      case 'ifdef':
      case 'ifndef': {
        const id = firstWord(args);
        if (id === '') throw new ConfigError(loc, `#!${rawName} without a name`, 'a define name');
        this.conditionals.open(this.defines.has(id) === (name === 'ifdef'), loc);
        return NONE;
      }
      case 'else':
        this.conditionals.flip(loc);
        return NONE;
      case 'endif':
        this.conditionals.close(loc);
        return NONE;
    }
    if (!this.active) return NONE;
    switch (name) {
      case 'define':
      case 'trydef':
      case 'redefine':
        this.runDefine(name, args, loc);
        return NONE;
      case 'subst':
      case 'substdef':
      case 'substdefs':
        this.runSubst(name, args, loc);
        return NONE;
      case 'defenv':
      case 'defenvs':
      case 'trydefenv':
      case 'trydefenvs':
        this.runDefenv(name, args, loc);
        return NONE;
      case 'include_file':
      case 'import_file':
        return { kind: 'include', path: quotedArgument(args, `#!${name}`, loc), optional: name === 'import_file' };
      default:
        return NONE;
    }
  }

  private runDefine(kind: 'define' | 'trydef' | 'redefine', args: string, loc: SourceLocation): void {
    const name = firstWord(args);
    if (name === '') return; // a bare `#!define` line is taken as a comment, as Kamailio does
    const value = args.slice(name.length).replace(/^[ \t]+/, '').replace(/[ \t\r]+$/, '');
    this.define(kind, name, value, loc);
  }

  private define(kind: 'define' | 'trydef' | 'redefine', name: string, value: string, loc: SourceLocation): void {
    if (kind === 'define') this.defines.define(name, value, loc);
    else if (kind === 'trydef') this.defines.tryDefine(name, value, loc);
    else this.defines.redefine(name, value, loc);
  }

  private runSubst(kind: 'subst' | 'substdef' | 'substdefs', args: string, loc: SourceLocation): void {
    const expression = quotedArgument(args, `#!${kind}`, loc);
    const rule = SubstRule.parse(expression, loc);
    this.substRules.push(rule);
    if (kind === 'subst') return;
    const value = kind === 'substdefs' ? `"${rule.replacement}"` : rule.replacement;
    this.defines.define(rule.pattern, value, loc);
  }

  private runDefenv(kind: 'defenv' | 'defenvs' | 'trydefenv' | 'trydefenvs', args: string, loc: SourceLocation): void {
    const spec = firstWord(args, /[^\s]/);
    if (spec === '') throw new ConfigError(loc, `#!${kind} without a name`, 'ID or ID=ENVVAR');
    const [id, variable = id] = spec.split('=', 2) as [string, string?];
    const value = this.env[variable];
    if (value === undefined) {
      if (kind.startsWith('try')) return;
      throw new ConfigError(loc, `environment variable ${variable} is not set`, `${variable} in the environment, or #!try${kind}`);
    }
    this.defines.define(id, kind.endsWith('s') ? `"${value}"` : value, loc);
  }
}

const NONE: DirectiveEffect = { kind: 'none' };

function firstWord(text: string, char = /[A-Za-z0-9_-]/): string {
  let end = 0;
  while (end < text.length && char.test(text[end]!)) end++;
  return text.slice(0, end);
}

/** `"text"` (the quotes required) as the directive's only argument. */
function quotedArgument(args: string, directive: string, loc: SourceLocation): string {
  const match = /^"(.*)"[ \t\r]*$/.exec(args) ?? /^'(.*)'[ \t\r]*$/.exec(args);
  if (!match) throw new ConfigError(loc, `${directive} needs a quoted argument`, `${directive} "…"`);
  return match[1]!;
}
