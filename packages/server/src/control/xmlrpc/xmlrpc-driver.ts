import type { ReplyDriver } from '../../rpc/rpc-context.js';
import { DeferredFaultDriver } from '../deferred-fault-driver.js';

/**
 * The xmlrpc module's rpc_t behaviour: a failed mandatory scan stores `400 Invalid Parameter Type`
 * (forgotten at the next scan) that is sent unless the handler faults itself; delayed replies work.
 */
export class XmlRpcDriver extends DeferredFaultDriver implements ReplyDriver {
  readonly transport = 'xmlrpc';
  readonly storedFault = 'always';
  readonly resetStoredFaultOnScan = true;

  canDelay(): boolean {
    return true;
  }
}
