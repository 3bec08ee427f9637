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
    handlerFailed(method, rpc, error);
  }
  rpc.finish();
}

/**
 * runRpc for a caller that wants a synchronous handler finished synchronously: the driver has sent
 * by the time this returns, unless the handler returned a promise (then the promise is returned and
 * the rest happens as in runRpc).
 */
export function runRpcNow(method: RpcExport, driver: ReplyDriver, params: ParamSource, origin: RpcOrigin): Promise<void> | undefined {
  const rpc = new RpcContext(driver, params, origin);
  let result: void | Promise<void>;
  try {
    result = method.handler(rpc);
  } catch (error) {
    handlerFailed(method, rpc, error);
    rpc.finish();
    return undefined;
  }
  if (typeof (result as Promise<void> | undefined)?.then !== 'function') {
    rpc.finish();
    return undefined;
  }
  return finishLater(method, rpc, result as Promise<void>);
}

async function finishLater(method: RpcExport, rpc: RpcContext, running: Promise<void>): Promise<void> {
  try {
    await running;
  } catch (error) {
    handlerFailed(method, rpc, error);
  }
  rpc.finish();
}

function handlerFailed(method: RpcExport, rpc: RpcContext, error: unknown): void {
  process.emitWarning(`RPC ${method.name} failed: ${(error as Error).stack ?? String(error)}`);
  rpc.fault(500, 'Internal Server Error');
}
