import type { BinrpcValue } from '@kamkit/binrpc';
import { cText } from './c-printf.js';

export interface KamcmdAlias {
  readonly method: string;
  /** Reply format used when no `-f` is given (already unescaped: real tabs and newlines). */
  readonly format?: string;
}

function frozenTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  // No prototype, so a command word such as "constructor" or "toString" is never mistaken for one.
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

/**
 * kamcmd 1.5's command aliases, in kamcmd's own order (`help` lists them in this order).
 * The `dst_blacklist.*` methods were renamed `dst_blocklist.*` in 5.6, so those two aliases
 * answer "command ... not found" against a 5.6 server; kept as kamcmd has them.
 */
export const KAMCMD_ALIASES: Readonly<Record<string, KamcmdAlias>> = frozenTable<KamcmdAlias>({
  ps: { method: 'core.ps', format: '%v\t%v\n' },
  psx: { method: 'core.psx' },
  list: { method: 'system.listMethods' },
  ls: { method: 'system.listMethods' },
  ver: { method: 'core.version' },
  version: { method: 'core.version' },
  who: { method: 'ctl.who', format: '[%v] %v: %v %v -> %v %v\n' },
  listen: { method: 'ctl.listen', format: '[%v] %v: %v %v\n' },
  dns_mem_info: { method: 'dns.mem_info', format: '%v / %v\n' },
  dns_debug: { method: 'dns.debug', format: '%v (%v): size=%v ref=%v expire=%vs last=%vs ago f=%v\n' },
  dns_debug_all: {
    method: 'dns.debug_all',
    format: '%v (%v) [%v]: size=%v ref=%v expire=%vs last=%vs ago f=%v\n\t\t%v:%v expire=%vs f=%v\n',
  },
  dst_blacklist_mem_info: { method: 'dst_blacklist.mem_info', format: '%v / %v\n' },
  dst_blacklist_debug: { method: 'dst_blacklist.debug', format: '%v:%v:%v expire:%v flags: %v\n' },
});

/**
 * kamcmd's built-in commands with the text `help <name>` shows for them, in kamcmd's order.
 * `version` can never run (the alias of the same name wins), and "kamcmdversion" really has no
 * space in kamcmd 1.5.
 */
export const KAMCMD_BUILTINS: Readonly<Record<string, string>> = frozenTable<string>({
  '?': 'help',
  help: 'displays help for a command',
  version: 'displays kamcmdversion',
  quit: 'exits kamcmd',
  exit: 'exits kamcmd',
  warranty: "displays kamcmd's warranty info",
  license: "displays kamcmd's license",
});

/** The alias a command word names, if any (aliases are resolved before built-ins and methods). */
export function findKamcmdAlias(word: string): KamcmdAlias | undefined {
  return KAMCMD_ALIASES[word];
}

/**
 * `help <word>` for an alias or a built-in; undefined when the word is neither (kamcmd then runs
 * `system.methodHelp <word>` and prints that reply or fault).
 */
export function formatKamcmdHelp(word: string): string | undefined {
  const alias = KAMCMD_ALIASES[word];
  if (alias) {
    const shown = alias.format === undefined ? '' : ` with reply formatting: "${showControls(alias.format)}"`;
    return `${word} is an alias for ${alias.method}${shown}\n`;
  }
  const doc = KAMCMD_BUILTINS[word];
  return doc === undefined ? undefined : `builtin command: ${doc}\n`;
}

/**
 * `help` without a word: every STR record of the `system.listMethods` reply, then one
 * `alias: <name>` line per alias and one `builtin: <name>` line per built-in.
 */
export function formatKamcmdHelpIndex(listMethodsReply: readonly BinrpcValue[]): string {
  let out = '';
  for (const record of listMethodsReply) if (record.type === 'str') out += `${cText(record.value)}\n`;
  for (const name of Object.keys(KAMCMD_ALIASES)) out += `alias: ${name}\n`;
  for (const name of Object.keys(KAMCMD_BUILTINS)) out += `builtin: ${name}\n`;
  return out;
}

/** Tabs, newlines and carriage returns shown as `\t` `\n` `\r`, as kamcmd's help does. */
function showControls(format: string): string {
  return format.replace(/[\t\n\r]/g, (c) => (c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}
