import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePacket, decodeReply, encodeReply } from '@kamkit/binrpc';
import { formatKamcmdFault, formatKamcmdReply, paramToRecord, parseCliTokens } from '@kamkit/rpc';
import { BinrpcDriver } from '../src/control/binrpc/binrpc-driver.js';
import { BinrpcParams } from '../src/control/binrpc/binrpc-params.js';
import { DEFAULT_BINRPC_LIMITS } from '../src/control/binrpc/binrpc-reply.js';
import { binrpcFault } from '../src/control/binrpc/binrpc-request-processor.js';
import { JsonRpcRequestProcessor } from '../src/control/jsonrpc/jsonrpc-request-processor.js';
import { runRpc } from '../src/control/run-rpc.js';
import { registerCfgRpc, type CfgFramework } from '../src/cfg/index.js';
import { RpcRegistry, type ReplyDriver, type RpcOutcome } from '../src/rpc/index.js';
import { OBSERVED_DIR } from './cfg-support.js';

/** The cfg.* methods of `framework`, served over BINRPC (printed as kamcmd prints) and JSON-RPC. */
export class CfgRpcPeer {
  readonly registry = new RpcRegistry();
  private readonly jsonrpc: JsonRpcRequestProcessor;
  private id = 0;

  constructor(readonly framework: CfgFramework) {
    registerCfgRpc(this.registry, framework);
    this.jsonrpc = new JsonRpcRequestProcessor(this.registry, false);
  }

  /**
   * What `kamcmd METHOD WORDS…` prints (words typed as kamcmd types them), through the server's
   * BINRPC parameter typing, driver and record encoding. One difference from BinrpcRequestProcessor:
   * like the ctl module (binrpc_run.c: rpc_scan starts with rpc_fault_reset), every scan clears the
   * fault a failed scan prepared — recorded: `cfg.set lab greeting hello` answers nothing, while
   * BinrpcDriver keeps the fault of the failed `d` attempt (resetStoredFaultOnScan = false).
   */
  async kamcmd(method: string, ...words: string[]): Promise<string> {
    const exported = this.registry.get(method);
    if (!exported) return formatKamcmdFault(500, `command ${method} not found`);
    const outcome = await new Promise<RpcOutcome>((resolve) => {
      const ctl: ReplyDriver = Object.assign(Object.create(new BinrpcDriver(DEFAULT_BINRPC_LIMITS, resolve)) as ReplyDriver, { resetStoredFaultOnScan: true });
      void runRpc(exported, ctl, new BinrpcParams(parseCliTokens(words).map(paramToRecord)), { channel: 'tcp' });
    });
    const bytes = outcome.kind === 'fault' ? binrpcFault(outcome.code, outcome.message, ++this.id) : encodeReply(BinrpcDriver.records(outcome.values), ++this.id);
    const reply = decodeReply(decodePacket(bytes));
    return reply.kind === 'fault' ? formatKamcmdFault(reply.code, reply.message) : formatKamcmdReply(reply.values);
  }

  /** The parsed JSON-RPC response (over HTTP) and its HTTP status line. */
  async json(method: string, ...params: unknown[]): Promise<{ status: number; reason: string; body: { result?: unknown; error?: { code: number; message: string } } }> {
    const answer = await this.jsonrpc.process(JSON.stringify({ jsonrpc: '2.0', method, params, id: ++this.id }), 'http');
    if (!answer) throw new Error('no JSON-RPC answer');
    return { status: answer.status, reason: answer.reason, body: JSON.parse(answer.text) };
  }
}

/** One recorded kamcmd run: its method and words (after `-s ADDR` and `--`), what it printed, its exit code. */
export interface KamcmdRecording {
  readonly method: string;
  readonly words: string[];
  readonly output: string;
  readonly exitCode: number;
}

/** The kamcmd runs of a recording in test/fixtures/observed/, in order. */
export function kamcmdRecordings(file: string): KamcmdRecording[] {
  const text = readFileSync(join(OBSERVED_DIR, file), 'utf8');
  const runs: KamcmdRecording[] = [];
  const pattern = /^\$ \/usr\/sbin\/kamcmd (.*)\n([\s\S]*?)\[exit code: (\d+)\]$/gm;
  for (const match of text.matchAll(pattern)) {
    const words = shellWords(match[1]!);
    const args = words.slice(words.indexOf('-s') + 2);
    if (args[0] === '--') args.shift();
    const [method, ...rest] = args;
    runs.push({ method: method ?? '', words: rest, output: match[2]!, exitCode: Number(match[3]) });
  }
  return runs;
}

/** Splits a recorded command line: blanks separate words, a backslash keeps the next character. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let started = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length) {
      current += line[++i];
      started = true;
    } else if (c === ' ') {
      if (started) words.push(current);
      current = '';
      started = false;
    } else {
      current += c;
      started = true;
    }
  }
  if (started) words.push(current);
  return words;
}
