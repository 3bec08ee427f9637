import { Flags } from '@oclif/core';

import { describeReload, reloadCache, type CachedTable, type ReloadOutcome } from '../rpc/reload-cache.js';
import { ExitCode } from './exit-codes.js';
import { KamctlCommand } from './kamctl-command.js';

/** A command that changes a table Kamailio caches, then asks the server to reload it. */
export abstract class ProvisioningCommand extends KamctlCommand {
  static override baseFlags = {
    ...KamctlCommand.baseFlags,
    reload: Flags.boolean({
      description: 'reload the server cache after the change (when the server is reachable); --no-reload skips it',
      default: true,
      allowNo: true,
    }),
  };

  /** Reloads `table` unless --no-reload; says what happened; a refused reload makes the exit code 1. */
  protected async reloadAfterChange(table: CachedTable, reload: boolean, command: string): Promise<ReloadOutcome | null> {
    if (!reload) {
      this.notice(`cache not reloaded (--no-reload); run '${command}' to apply`);
      return null;
    }
    const outcome = await reloadCache(await this.rpcClient(), table);
    this.notice(describeReload(outcome, command));
    if (outcome.status === 'failed') process.exitCode = ExitCode.error;
    return outcome;
  }
}
