import { createClient, describeError, ProtocolError, RpcFault, TimeoutError, TransportError, type RpcClient, type RpcParam } from '@kamkit/rpc';

import { ExitCode, KamctlError } from '../cli/exit-codes.js';
import type { RpcSettings } from '../settings/kamctl-settings.js';

/** A client for the configured target; nothing is opened until the first call. */
export function openRpcClient(settings: RpcSettings): RpcClient {
  try {
    return createClient(settings.target, { timeoutMs: settings.timeoutMs, fifoReplyDir: settings.fifoReplyDir });
  } catch (error) {
    throw new KamctlError(`bad RPC target ${JSON.stringify(settings.target)}: ${(error as Error).message}`, ExitCode.usage);
  }
}

/** The server could not be reached (exit 3) rather than answering with an error. */
export class ServerUnreachableError extends KamctlError {
  override name = 'ServerUnreachable';
  constructor(
    readonly failure: TransportError | TimeoutError,
    readonly target: string,
  ) {
    super(describeError(failure), ExitCode.serverUnreachable, { cause: failure });
  }
}

/** The server answered the call with a fault (exit 1). */
export class RpcCallError extends KamctlError {
  override name = 'RpcFault';
  constructor(
    readonly fault: RpcFault,
    readonly method: string,
    readonly target: string,
  ) {
    super(`${method}: ${fault.code} - ${fault.message}`, ExitCode.error, { cause: fault });
  }
  get code(): number {
    return this.fault.code;
  }
}

export async function callRpc(client: RpcClient, method: string, params: RpcParam[]): Promise<unknown> {
  try {
    return (await client.call(method, ...params)).result;
  } catch (error) {
    if (error instanceof TransportError || error instanceof TimeoutError) throw new ServerUnreachableError(error, client.target);
    if (error instanceof RpcFault) throw new RpcCallError(error, method, client.target);
    if (error instanceof ProtocolError) throw new KamctlError(describeError(error, client.target), ExitCode.error, { cause: error });
    throw error;
  }
}
