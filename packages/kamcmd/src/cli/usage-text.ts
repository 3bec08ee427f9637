import { DEFAULT_FIFO_REPLY_DIR, DEFAULT_TARGET, DEFAULT_TIMEOUT_SECONDS, TARGET_ENV } from '../options/kamcmd-options.js';

/** Our version; kamcmd 5.6.3 calls itself 1.5, whose output and options we follow. */
export const KAMCMD_VERSION = '0.1.0';

export function versionText(program: string): string {
  return `version: ${program} ${KAMCMD_VERSION} (kamkit; kamcmd 1.5 compatible)\n`;
}

export function usageText(program: string): string {
  return `Usage: ${program} [options] [--] [method [arg ...]]

Sends Kamailio RPC commands and prints the replies as kamcmd 5.6.3 does.
With a method: runs it once. Without: an interactive shell on a terminal,
or one command per line from a pipe.

Options:
  -s ADDR        server address (default $${TARGET_ENV}, else ${DEFAULT_TARGET}):
                 unix:PATH, unixs:PATH, unixd:PATH, tcp:HOST[:PORT], udp:HOST[:PORT] (BINRPC),
                 http(s)://HOST:PORT/RPC, fifo:PATH (JSON-RPC), xmlrpc+http://HOST:PORT/RPC2
  -f FORMAT      print each reply through FORMAT: %v is the next value, \\n \\t \\r \\\\ escapes
  -t SECONDS     reply timeout (default ${DEFAULT_TIMEOUT_SECONDS}; 0 waits forever)
  -R PATH        unixd: bind the reply socket at PATH
  -D DIR         unixd: create the reply socket in DIR
  -U             an address without protocol or path is a UDP host
  -v             print "." after each reply; -vv also the time each call took, on stderr
  --json         one JSON document per reply (and per error)
  --fifo-reply-dir DIR
                 fifo: the server's jsonrpcs fifo_reply_dir (default ${DEFAULT_FIFO_REPLY_DIR})
  --kamcmd-compat
                 faults on stdout with exit status 0, as kamcmd does
  -V, --version  print the version
  -h, --help     print this help
  --             end of options (then arguments may start with "-")

Arguments: 42 is an int, 1.5 a double, anything else a string; s:42 forces a string.
Exit status: 0 ok, 1 the server answered with a fault, 2 bad usage,
3 transport error, timeout or unreadable reply.
Interactive: Tab completes (twice lists), Up/Down and Ctrl-R search the history
(~/.kamcmd_history, or $KAMCMD_HISTORY), "help" lists the commands, "quit" exits.
`;
}
