import { Args } from '@oclif/core';

import { KamctlError } from '../../cli/exit-codes.js';
import { KamctlCommand } from '../../cli/kamctl-command.js';
import { AliasRepository } from '../../db/alias-repository.js';
import { formatAccount, parseAccount } from '../../validate/aor.js';

export default class AliasDbRm extends KamctlCommand {
  static override summary = 'remove an alias';
  static override args = { alias: Args.string({ description: 'alias user@domain', required: true }) };

  async run(): Promise<void> {
    const { args } = await this.parseCommand(AliasDbRm);
    const alias = parseAccount(args.alias, this.settings.sipDomain, 'alias');
    const removed = await this.inTransaction((trx) => new AliasRepository(trx, this.settings.tables.dbaliases).remove(alias));
    if (removed === 0) throw new KamctlError(`no alias ${formatAccount(alias)}`);
    this.output({ alias, removed }, `alias ${formatAccount(alias)} removed`);
  }
}
