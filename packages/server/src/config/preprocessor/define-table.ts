import { ConfigError } from '../errors/config-error.js';
import type { SourceLocation } from '../source/source-location.js';

/** Names every Kamailio 5.6.3 defines before reading the script. */
export const PREDEFINED_NAMES: readonly string[] = ['KAMAILIO_5', 'KAMAILIO_5_6', 'KAMAILIO_5_6_3'];

const DEFINE_NAME = /^[A-Za-z0-9_]+$/;

/** The preprocessor's defines: `#!define`, `#!trydef`, `#!redefine`, `-A NAME[=VALUE]`, `MOD_<name>`. */
export class DefineTable {
  private readonly values = new Map<string, string>();

  constructor(commandLine: Record<string, string | true> = {}) {
    for (const name of PREDEFINED_NAMES) this.values.set(name, '');
    for (const [name, value] of Object.entries(commandLine)) this.values.set(name, value === true ? '' : value);
  }

  /** `#!define`: a second definition of a name is an error. */
  define(name: string, value: string, loc: SourceLocation): void {
    checkName(name, loc);
    if (this.values.has(name)) throw new ConfigError(loc, `already defined: ${name}`, '#!redefine or #!trydef to change or keep it');
    this.values.set(name, value);
  }

  /** `#!trydef`: keeps an existing definition. */
  tryDefine(name: string, value: string, loc: SourceLocation): void {
    checkName(name, loc);
    if (!this.values.has(name)) this.values.set(name, value);
  }

  /** `#!redefine`, and the `MOD_<name>` defines of loadmodule. */
  redefine(name: string, value: string, loc: SourceLocation): void {
    checkName(name, loc);
    this.values.set(name, value);
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  snapshot(): Map<string, string> {
    return new Map(this.values);
  }
}

function checkName(name: string, loc: SourceLocation): void {
  if (DEFINE_NAME.test(name)) return;
  const problem = name.includes('-') ? `'-' not allowed in define name ${name}` : `invalid define name ${JSON.stringify(name)}`;
  throw new ConfigError(loc, problem, 'letters, digits and _');
}
