/** Everything the command line (and the environment) decides, after parsing. */
export interface KamcmdOptions {
  /** Target URI as given (`-s`, `$KAMCMD_SOCKET`, or kamcmd's default). */
  target: string;
  /** `-f`: reply format (raw, escapes not yet processed); overrides an alias format. */
  format?: string;
  /** `-v` count: 1 prints a `.` line after each reply (as kamcmd); 2 and more add timings on stderr. */
  verbose: number;
  /** `--json`: one JSON document per reply instead of kamcmd's layout. */
  json: boolean;
  /** `--kamcmd-compat`: faults on stdout with exit status 0, as kamcmd 5.6.3 does. */
  kamcmdCompat: boolean;
  /** `-t`: per-call timeout in milliseconds. */
  timeoutMs: number;
  /** `-R`: bind the datagram reply socket exactly here. */
  replySocketPath?: string;
  /** `-D`: directory for the datagram reply socket. */
  replySocketDir?: string;
  /** `--fifo-reply-dir`: the server's jsonrpcs `fifo_reply_dir`. */
  fifoReplyDir: string;
  /** The method (or alias, or built-in) and its arguments; empty for the REPL or batch mode. */
  command: string[];
}

/** kamcmd 5.6.3's compiled-in address on Debian (RUN_DIR with its trailing slash, hence `//`). */
export const DEFAULT_TARGET = 'unixs:/var/run/kamailio//kamailio_ctl';

/** Environment variable naming the default target, so `-s` need not be repeated. */
export const TARGET_ENV = 'KAMCMD_SOCKET';

/** kamcmd waits forever; an operator's shell should not, but slow RPCs (dbg.bp next) take 20 s. */
export const DEFAULT_TIMEOUT_SECONDS = 30;

export const DEFAULT_FIFO_REPLY_DIR = '/tmp/';
