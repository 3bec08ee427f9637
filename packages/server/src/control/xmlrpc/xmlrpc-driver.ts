import type { RpcFaultInfo } from '../../rpc/param-source.js';
import type { RpcContainer, RpcEntry } from '../../rpc/rpc-container.js';
import { RPC_DELAYED_REPLY, type ReplyDriver, type RpcOutcome } from '../../rpc/rpc-context.js';

/**
 * The xmlrpc module's rpc_t behaviour: faults recorded until send (last wins), a failed mandatory
 * scan stores `400 Invalid Parameter Type` (reset by the next scan) that is sent unless the handler
 * faults itself, delayed replies supported, array_add on a struct refused.
 */
export class XmlRpcDriver implements ReplyDriver {
  readonly transport = 'xmlrpc';
  readonly faultTiming = 'at-send';
  readonly storedFault = 'always';
  readonly resetStoredFaultOnScan = true;
  readonly capabilities = RPC_DELAYED_REPLY;

  constructor(private readonly deliver: (outcome: RpcOutcome) => void) {}

  canDelay(): boolean {
    return true;
  }

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
