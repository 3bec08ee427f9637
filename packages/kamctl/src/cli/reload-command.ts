import { KamctlError } from './exit-codes.js';
import { KamctlCommand } from './kamctl-command.js';
import { reloadCache, type CachedTable } from '../rpc/reload-cache.js';

/** `<topic> reload`: re-read a cached table now, waiting out the module's reload throttle. */
export abstract class ReloadCommand extends KamctlCommand {
  protected abstract readonly table: CachedTable;

  async run(): Promise<void> {
    await this.parseCommand(this.constructor as typeof ReloadCommand);
    const outcome = await reloadCache(await this.rpcClient(), this.table);
    if (outcome.status === 'reloaded') this.outputRpcResult(outcome.result);
    else if (outcome.status === 'unreachable') throw outcome.error;
    else throw new KamctlError(outcome.message);
  }
}
