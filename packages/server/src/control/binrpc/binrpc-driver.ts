import type { BinrpcValue } from '@kamkit/binrpc';
import type { RpcFaultInfo } from '../../rpc/param-source.js';
import type { RpcContainer, RpcEntry } from '../../rpc/rpc-container.js';
import type { ReplyDriver, RpcOutcome } from '../../rpc/rpc-context.js';
import type { RpcValue } from '../../rpc/rpc-value.js';
import { BinrpcSizeAccount, toBinrpcValue, type BinrpcLimits } from './binrpc-reply.js';

/**
 * The ctl module's rpc_t behaviour: a fault goes out at once (first wins), a failed scan leaves a
 * prepared `error at parameter` fault used only when the handler sent nothing, no delayed replies
 * (NULL capabilities), and the reply buffers are bounded.
 */
export class BinrpcDriver implements ReplyDriver {
  readonly transport = 'binrpc';
  readonly faultTiming = 'immediate';
  readonly storedFault = 'no-data';
  readonly resetStoredFaultOnScan = false;
  readonly capabilities = 0;
  private readonly sizes: BinrpcSizeAccount;

  constructor(
    limits: BinrpcLimits,
    private readonly deliver: (outcome: RpcOutcome) => void,
  ) {
    this.sizes = new BinrpcSizeAccount(limits);
  }

  static records(values: readonly RpcValue[]): BinrpcValue[] {
    return values.map(toBinrpcValue);
  }

  canDelay(): boolean {
    return false;
  }

  admit(container: RpcContainer, entry: RpcEntry): boolean {
    return this.sizes.admit(container, entry);
  }

  admitTop(value: RpcValue, char: string): RpcFaultInfo | null {
    if (this.sizes.admitTop(value)) return null;
    return { code: 500, message: `Internal server error processing '${char}': buffer too small (overflow) (-2)` };
  }

  send(outcome: RpcOutcome): void {
    this.deliver(outcome);
  }
}
