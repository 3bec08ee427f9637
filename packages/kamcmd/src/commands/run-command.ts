import {
  describeError,
  formatJson,
  formatJsonError,
  formatKamcmdFault,
  formatKamcmdHelp,
  formatKamcmdHelpIndex,
  formatKamcmdReply,
  KamcmdPrintError,
  RpcFault,
  type RpcParam,
} from '@kamkit/rpc';
import { EXIT_FAULT, EXIT_OK, EXIT_TRANSPORT } from '../io/exit-status.js';
import { LICENSE_TEXT, WARRANTY_TEXT } from './about-texts.js';
import { replyRecords, type KamcmdSession } from './kamcmd-session.js';
import { resolveCommand } from './resolve-command.js';

/** What one command printed and how it ended; each mode decides where and when to write it. */
export interface CommandOutcome {
  stdout: string;
  stderr: string;
  /** EXIT_OK, EXIT_FAULT or EXIT_TRANSPORT. */
  status: number;
  /** `quit` / `exit`: stop reading commands. */
  quit?: boolean;
}

const ok = (stdout: string): CommandOutcome => ({ stdout, stderr: '', status: EXIT_OK });

/**
 * Runs one command (already split into words) and renders its outcome with the shared printers.
 * The request is sent before this function first waits, so callers may start several commands
 * back to back to pipeline them on the one connection.
 */
export function runCommand(session: KamcmdSession, words: readonly string[]): Promise<CommandOutcome> {
  const command = resolveCommand(words);
  switch (command.kind) {
    case 'quit':
      return Promise.resolve({ stdout: '', stderr: '', status: EXIT_OK, quit: true });
    case 'warranty':
      return Promise.resolve(ok(WARRANTY_TEXT));
    case 'license':
      return Promise.resolve(ok(LICENSE_TEXT));
    case 'help':
      return runHelp(session, command.word);
    case 'rpc':
      return runRpc(session, command.method, command.params, session.options.format ?? command.aliasFormat);
  }
}

async function runRpc(
  session: KamcmdSession,
  method: string,
  params: readonly RpcParam[],
  format: string | undefined,
): Promise<CommandOutcome> {
  const { options } = session;
  const started = options.verbose >= 2 ? performance.now() : 0;
  const timing = () => (options.verbose >= 2 ? `${method}: ${(performance.now() - started).toFixed(3)} ms\n` : '');
  // kamcmd -v: a "." line after every reply, faults included.
  const dot = options.verbose >= 1 && !options.json ? '.\n' : '';
  try {
    const reply = await session.call(method, params);
    const text = options.json ? formatJson(reply.result ?? null) : formatKamcmdReply(replyRecords(reply), format);
    return { stdout: text + dot, stderr: timing(), status: EXIT_OK };
  } catch (error) {
    const failed = describeFailure(session, error, dot);
    return { ...failed, stderr: failed.stderr + timing() };
  }
}

/** A failed call as kamcmd (or --json) shows it. */
function describeFailure(session: KamcmdSession, error: unknown, dot: string): CommandOutcome {
  const { options, target } = session;
  if (error instanceof RpcFault) {
    if (options.json) return { stdout: formatJsonError({ name: error.name, code: error.code, message: error.message, target }), stderr: '', status: EXIT_FAULT };
    const text = formatKamcmdFault(error.code, error.message) + dot;
    return options.kamcmdCompat ? ok(text) : { stdout: '', stderr: text, status: EXIT_FAULT };
  }
  if (error instanceof KamcmdPrintError) {
    // The reply holds records kamcmd cannot print: show what it would have, then why it stopped.
    return { stdout: error.output, stderr: `${describeError(error, target)}\n`, status: EXIT_TRANSPORT };
  }
  if (options.json) {
    const { name, message, code } = error instanceof Error ? (error as Error & { code?: string | number }) : { name: 'Error', message: String(error), code: undefined };
    const printable = code === undefined ? { name, message, target } : { name, message, code, target };
    return { stdout: formatJsonError(printable), stderr: '', status: EXIT_TRANSPORT };
  }
  return { stdout: '', stderr: `${describeError(error, target)}\n`, status: EXIT_TRANSPORT };
}

/**
 * `help`: the method list, aliases and built-ins; `help WORD`: an alias's or built-in's own text,
 * otherwise `system.methodHelp WORD` printed like any reply.
 */
async function runHelp(session: KamcmdSession, word: string | undefined): Promise<CommandOutcome> {
  if (word === undefined) {
    try {
      return ok(formatKamcmdHelpIndex(await session.listMethodRecords()));
    } catch (error) {
      return describeFailure(session, error, '');
    }
  }
  const text = formatKamcmdHelp(word);
  if (text !== undefined) return ok(text);
  return runRpc(session, 'system.methodHelp', [{ kind: 'str', value: word }], session.options.format);
}
