import type { RpcFaultInfo } from '../../rpc/param-source.js';
import type { RpcContainer, RpcEntry } from '../../rpc/rpc-container.js';
import { RPC_DELAYED_REPLY, type ReplyDriver, type RpcOutcome } from '../../rpc/rpc-context.js';

/**
 * jsonrpcs' rpc_t behaviour: faults are recorded and sent with the reply (the last one wins), failed
 * scans store nothing, capabilities always claim delayed replies but only HTTP requests with an id
 * can make one, and array_add on a struct is refused.
 */
export class JsonRpcDriver implements ReplyDriver {
  readonly transport = 'jsonrpc';
  readonly faultTiming = 'at-send';
  readonly storedFault = 'no-data';
  readonly resetStoredFaultOnScan = false;
  readonly capabilities = RPC_DELAYED_REPLY;

  constructor(
    private readonly delayable: boolean,
    private readonly deliver: (outcome: RpcOutcome) => void,
  ) {}

  canDelay(): boolean {
    return this.delayable;
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
