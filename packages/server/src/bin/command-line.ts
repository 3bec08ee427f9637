/** What kamkit-server was asked to do. */
export interface CommandLine {
  help: boolean;
  version: boolean;
  /** -c: check the config and exit. */
  check: boolean;
  /** -f FILE */
  configFile?: string;
  /** -A NAME[=VALUE] */
  defines: Record<string, string | true>;
  /** -Y DIR: runtime directory (sockets, FIFOs) */
  runDir?: string;
  /** --data-dir DIR: the embedded SQLite database's directory */
  dataDir?: string;
  /** --http HOST:PORT for the embedded default */
  http?: { host: string; port: number };
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: kamkit-server [options]

Without -f, runs the embedded default: a SQLite database in --data-dir (created with the Kamailio
5.6.3 tables when missing), every control transport with its sockets in --run-dir, HTTP on loopback.

Options:
  -f FILE          run the Kamailio config FILE
  -c               check the config (with -f) and exit, as kamailio -c does
  -A NAME[=VALUE]  define NAME for the config preprocessor (repeatable)
  -Y DIR           runtime directory for sockets and FIFOs (default .kamkit/run, or the config's)
  --data-dir DIR   directory of the embedded database (default .kamkit/data)
  --http HOST:PORT HTTP listener of the embedded default (default 127.0.0.1:5071; port 0 = any free)
  -V, --version    print the version and exit
  -h, --help       print this help and exit
`;

function parseHostPort(text: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d+)$/.exec(text);
  const port = Number(match?.[3]);
  if (!match || port > 65535) throw new UsageError(`--http wants HOST:PORT, got "${text}"`);
  return { host: match[1] ?? match[2]!, port };
}

export function parseCommandLine(args: readonly string[]): CommandLine {
  const line: CommandLine = { help: false, version: false, check: false, defines: {} };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => {
      const next = args[++i];
      if (next === undefined) throw new UsageError(`option ${arg} needs a value`);
      return next;
    };
    switch (arg) {
      case '-h':
      case '--help':
        line.help = true;
        break;
      case '-V':
      case '--version':
        line.version = true;
        break;
      case '-c':
        line.check = true;
        break;
      case '-f':
        line.configFile = value();
        break;
      case '-A': {
        const define = value();
        const eq = define.indexOf('=');
        if (eq === 0) throw new UsageError(`bad define "${define}"`);
        if (eq < 0) line.defines[define] = true;
        else line.defines[define.slice(0, eq)] = define.slice(eq + 1);
        break;
      }
      case '-Y':
        line.runDir = value();
        break;
      case '--data-dir':
        line.dataDir = value();
        break;
      case '--http':
        line.http = parseHostPort(value());
        break;
      default:
        throw new UsageError(`unknown option "${arg}"`);
    }
  }
  if (line.check && !line.configFile) throw new UsageError('-c needs a config file (-f FILE)');
  return line;
}
