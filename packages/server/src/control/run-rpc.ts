import type { ParamSource } from '../rpc/param-source.js';
import { RpcContext, type ReplyDriver, type RpcOrigin } from '../rpc/rpc-context.js';
import type { RpcExport } from '../rpc/rpc-registry.js';

/**
 * Runs one handler the way every transport does: build the context, await the handler, then let
 * the driver send (unless the handler already replied or took a delayed reply). A handler that
 * throws is a bug in our code; the client gets a 500 rather than silence.
 */
export async function runRpc(method: RpcExport, driver: ReplyDriver, params: ParamSource, origin: RpcOrigin): Promise<void> {
  const rpc = new RpcContext(driver, params, origin);
  try {
    await method.handler(rpc);
  } catch (error) {
    process.emitWarning(`RPC ${method.name} failed: ${(error as Error).stack ?? String(error)}`);
    rpc.fault(500, 'Internal Server Error');
  }
  rpc.finish();
}
