import { createClient, plainToRecords, type RpcClient, type RpcParam, type RpcReply } from '@kamkit/rpc';
import type { BinrpcValue } from '@kamkit/binrpc';
import type { KamcmdOptions } from '../options/kamcmd-options.js';

/**
 * Busy-poll a BINRPC stream socket this long for each sequential reply: waking a sleeping process
 * costs more than the whole round trip on small machines. Only for one call at a time (one-shot,
 * REPL); a pipelined batch would spin each time its pipeline drains to one call.
 */
const SPIN_MICROS = 1000;

export interface SessionOptions {
  /** Calls are pipelined: no busy-polling for replies. */
  pipelined?: boolean;
}

/** One connection to the server for a whole run (one-shot, batch or REPL), as kamcmd keeps one. */
export class KamcmdSession {
  readonly client: RpcClient;
  private methodNames?: Promise<BinrpcValue[]>;

  constructor(
    readonly options: KamcmdOptions,
    { pipelined = false }: SessionOptions = {},
  ) {
    this.client = createClient(options.target, {
      timeoutMs: options.timeoutMs,
      spinMicros: pipelined ? 0 : SPIN_MICROS,
      fifoReplyDir: options.fifoReplyDir,
      ...(options.replySocketPath === undefined ? {} : { replySocketPath: options.replySocketPath }),
      ...(options.replySocketDir === undefined ? {} : { replySocketDir: options.replySocketDir }),
    });
  }

  get target(): string {
    return this.options.target;
  }

  call(method: string, params: readonly RpcParam[] = []): Promise<RpcReply> {
    return this.client.call(method, ...params);
  }

  /**
   * `system.listMethods` as records, fetched once and shared by `help` and completion (kamcmd
   * caches it the same way). A failed fetch is forgotten so the next use tries again.
   */
  listMethodRecords(): Promise<BinrpcValue[]> {
    if (!this.methodNames) {
      const fetching = this.call('system.listMethods').then(replyRecords);
      fetching.catch(() => {
        if (this.methodNames === fetching) this.methodNames = undefined;
      });
      this.methodNames = fetching;
    }
    return this.methodNames;
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

/** A reply as kamcmd-printable records, whatever the transport. */
export function replyRecords(reply: RpcReply): BinrpcValue[] {
  return reply.records ?? plainToRecords(reply.result);
}

/** The STR records of a reply (the names system.listMethods, cfg.list, cnt.* return). */
export function stringRecords(records: readonly BinrpcValue[]): string[] {
  const names: string[] = [];
  for (const record of records) if (record.type === 'str') names.push(record.value);
  return names;
}
