/** The commands the start-up path runs without oclif: what scripts call once per row. */
export type FastCommandName = 'add' | 'passwd';

export interface FastCommandLine {
  command: FastCommandName;
  user: string;
  password: string | undefined;
  json: boolean;
  passwordStdin: boolean;
  config: string | undefined;
  rpc: string | undefined;
  realm: string | undefined;
}

const BOOLEAN_FLAGS = new Set(['--json', '--password-stdin']);
const VALUE_FLAGS = new Set(['--config', '--rpc', '--realm']);

/**
 * `add USER [PASSWORD]` and `passwd USER [PASSWORD]` with the flags oclif would accept for them, or
 * undefined for anything else: help, a misspelt flag, a missing or extra argument, a repeated flag.
 * Those go to oclif, so every message and exit code stays oclif's; this parser only has to be right
 * about the command lines it accepts.
 */
export function parseFastCommandLine(argv: readonly string[]): FastCommandLine | undefined {
  const [command, ...rest] = argv;
  if (command !== 'add' && command !== 'passwd') return undefined;
  const positional: string[] = [];
  const seen = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i]!;
    if (!token.startsWith('-') || token === '-') {
      positional.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    const name = eq < 0 ? token : token.slice(0, eq);
    if (seen.has(name)) return undefined;
    seen.add(name);
    if (BOOLEAN_FLAGS.has(name) && eq < 0) continue;
    if (!VALUE_FLAGS.has(name)) return undefined;
    const value = eq < 0 ? rest[++i] : token.slice(eq + 1);
    if (value === undefined || (eq < 0 && value.startsWith('-'))) return undefined;
    values.set(name, value);
  }
  if (positional.length < 1 || positional.length > 2) return undefined;
  return {
    command,
    user: positional[0]!,
    password: positional[1],
    json: seen.has('--json'),
    passwordStdin: seen.has('--password-stdin'),
    config: values.get('--config'),
    rpc: values.get('--rpc'),
    realm: values.get('--realm'),
  };
}
