import type { RpcExport, RpcRegistry } from '../../rpc/index.js';
import type { CfgFramework } from '../cfg-framework.js';
import type { CfgWorker } from '../cfg-worker.js';
import { commitCommands } from './commit-commands.js';
import { groupCommands } from './group-commands.js';
import { readCommands } from './read-commands.js';
import { setCommands } from './set-commands.js';

export interface CfgRpcOptions {
  /** The RPC process's snapshot; by default a worker of its own, refreshed at each call. */
  worker?: CfgWorker;
}

/** The 19 methods cfg_rpc registers in Kamailio 5.6.3. */
export function cfgRpcExports(framework: CfgFramework, options: CfgRpcOptions = {}): RpcExport[] {
  const state = { framework, view: options.worker ?? framework.createWorker('rpc') };
  return [...setCommands(state), ...commitCommands(state), ...readCommands(state), ...groupCommands(state)];
}

/** Registers the cfg.* methods; a name already registered is a start-up error. */
export function registerCfgRpc(registry: RpcRegistry, framework: CfgFramework, options: CfgRpcOptions = {}): void {
  registry.registerAll(cfgRpcExports(framework, options));
}
