import { findKamcmdAlias, KAMCMD_BUILTINS, parseCliTokens, type TypedParam } from '@kamkit/rpc';

/** What a command word means, resolved in kamcmd's order: alias, then built-in, then RPC method. */
export type ResolvedCommand =
  | { kind: 'rpc'; method: string; params: TypedParam[]; aliasFormat?: string }
  | { kind: 'help'; word?: string }
  | { kind: 'quit' }
  | { kind: 'warranty' }
  | { kind: 'license' };

export function resolveCommand(words: readonly string[]): ResolvedCommand {
  const [word = '', ...args] = words;
  const alias = findKamcmdAlias(word);
  if (alias) {
    const resolved: ResolvedCommand = { kind: 'rpc', method: alias.method, params: parseCliTokens(args) };
    if (alias.format !== undefined) resolved.aliasFormat = alias.format;
    return resolved;
  }
  if (KAMCMD_BUILTINS[word] !== undefined) {
    switch (word) {
      case '?':
      case 'help':
        return args[0] === undefined ? { kind: 'help' } : { kind: 'help', word: args[0] };
      case 'quit':
      case 'exit':
        return { kind: 'quit' };
      case 'warranty':
        return { kind: 'warranty' };
      case 'license':
        return { kind: 'license' };
    }
  }
  return { kind: 'rpc', method: word, params: parseCliTokens(args) };
}
