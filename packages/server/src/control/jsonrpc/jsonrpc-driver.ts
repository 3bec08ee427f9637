import type { ReplyDriver, RpcOutcome } from '../../rpc/rpc-context.js';
import { DeferredFaultDriver } from '../deferred-fault-driver.js';

/**
 * jsonrpcs' rpc_t behaviour: failed scans store nothing (no fault unless the handler makes one), and
 * only HTTP requests with an id can make a delayed reply although every transport claims it.
 */
export class JsonRpcDriver extends DeferredFaultDriver implements ReplyDriver {
  readonly transport = 'jsonrpc';
  readonly storedFault = 'no-data';
  readonly resetStoredFaultOnScan = false;

  constructor(
    private readonly delayable: boolean,
    deliver: (outcome: RpcOutcome) => void,
  ) {
    super(deliver);
  }

  canDelay(): boolean {
    return this.delayable;
  }
}
