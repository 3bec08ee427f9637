import { Flags } from '@oclif/core';

import { avpFilter, avpFilterFlags, validateTableName } from '../../cli/avp-filter.js';
import { UsageError } from '../../cli/exit-codes.js';
import { KamctlCommand } from '../../cli/kamctl-command.js';
import { AvpRepository } from '../../db/avp-repository.js';

export default class AvpRm extends KamctlCommand {
  static override summary = 'delete the AVPs matching the filters (at least one filter, or --all)';
  static override flags = { ...avpFilterFlags, all: Flags.boolean({ description: 'delete every AVP of the table', default: false }) };

  async run(): Promise<void> {
    const { flags } = await this.parseCommand(AvpRm);
    const table = flags.table === undefined ? this.settings.tables.usrPreferences : validateTableName(flags.table);
    const filter = avpFilter(flags, this.settings.sipDomain);
    if (Object.keys(filter).length === 0 && !flags.all) throw new UsageError('no filter given: use -u/-a/-v/-t, or --all to delete every AVP');
    const removed = await this.inTransaction((trx) => new AvpRepository(trx, table).remove(filter));
    this.output({ removed }, `avp rm - ${removed} AVP(s) deleted`);
  }
}
