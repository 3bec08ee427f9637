import type { RpcFaultInfo } from '../rpc/param-source.js';
import type { RpcContainer, RpcEntry } from '../rpc/rpc-container.js';
import { RPC_DELAYED_REPLY, type RpcOutcome } from '../rpc/rpc-context.js';

/**
 * What the jsonrpcs and xmlrpc drivers share: a fault is recorded and sent with the reply (the last
 * one wins), capabilities claim delayed replies, no buffer limits, and array_add on a struct is
 * refused (their struct handles only take named members).
 */
export abstract class DeferredFaultDriver {
  readonly faultTiming = 'at-send';
  readonly capabilities = RPC_DELAYED_REPLY;

  constructor(private readonly deliver: (outcome: RpcOutcome) => void) {}

  admit(container: RpcContainer, entry: RpcEntry): boolean {
    return container.kind === 'array' || entry.name !== undefined;
  }

  admitTop(): RpcFaultInfo | null {
    return null;
  }

  send(outcome: RpcOutcome): void {
    this.deliver(outcome);
  }
}
