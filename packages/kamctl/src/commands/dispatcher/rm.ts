import { Args } from '@oclif/core';

import { KamctlError } from '../../cli/exit-codes.js';
import { ProvisioningCommand } from '../../cli/provisioning-command.js';
import { DispatcherRepository } from '../../db/dispatcher-repository.js';
import { parseSetId } from '../../validate/numbers.js';

export default class DispatcherRm extends ProvisioningCommand {
  static override summary = 'remove a destination by its row id, then reload';
  static override args = { id: Args.string({ description: 'row id (see dispatcher show)', required: true }) };

  async run(): Promise<void> {
    const { args, flags } = await this.parseCommand(DispatcherRm);
    const id = parseSetId(args.id, 'id');
    const removed = await this.inTransaction((trx) => new DispatcherRepository(trx, this.settings.tables.dispatcher).remove(id));
    if (removed === 0) throw new KamctlError(`no dispatcher destination with id ${id}`);
    const reload = await this.reloadAfterChange('dispatcher', flags.reload, 'kamctl dispatcher reload');
    this.output({ removed: { id }, reload });
  }
}
