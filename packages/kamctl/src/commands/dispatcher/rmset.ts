import { Args } from '@oclif/core';

import { KamctlError } from '../../cli/exit-codes.js';
import { ProvisioningCommand } from '../../cli/provisioning-command.js';
import { DispatcherRepository } from '../../db/dispatcher-repository.js';
import { parseSetId } from '../../validate/numbers.js';

export default class DispatcherRmset extends ProvisioningCommand {
  static override summary = 'remove every destination of a set, then reload';
  static override args = { setid: Args.string({ description: 'set id', required: true }) };

  async run(): Promise<void> {
    const { args, flags } = await this.parseCommand(DispatcherRmset);
    const setid = parseSetId(args.setid);
    const removed = await this.inTransaction((trx) => new DispatcherRepository(trx, this.settings.tables.dispatcher).removeSet(setid));
    if (removed === 0) throw new KamctlError(`dispatcher set ${setid} has no destinations`);
    const reload = await this.reloadAfterChange('dispatcher', flags.reload, 'kamctl dispatcher reload');
    this.output({ removed: { setid, rows: removed }, reload });
  }
}
