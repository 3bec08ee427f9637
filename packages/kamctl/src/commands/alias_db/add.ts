import { Args } from '@oclif/core';

import { KamctlError } from '../../cli/exit-codes.js';
import { KamctlCommand } from '../../cli/kamctl-command.js';
import { AliasRepository } from '../../db/alias-repository.js';
import { formatAccount, parseAccount } from '../../validate/aor.js';

export default class AliasDbAdd extends KamctlCommand {
  static override summary = 'add an alias (dbaliases) for a user';
  static override args = {
    alias: Args.string({ description: 'alias user@domain', required: true }),
    target: Args.string({ description: 'target user@domain', required: true }),
  };

  async run(): Promise<void> {
    const { args } = await this.parseCommand(AliasDbAdd);
    const alias = parseAccount(args.alias, this.settings.sipDomain, 'alias');
    const target = parseAccount(args.target, this.settings.sipDomain, 'target');
    await this.inTransaction(async (trx) => {
      const aliases = new AliasRepository(trx, this.settings.tables.dbaliases);
      // The alias AoR (user AND domain) must be new; kamctl compared the user part only.
      if (await aliases.isAlias(alias)) throw new KamctlError(`alias ${formatAccount(alias)} already exists`);
      await aliases.add(alias, target);
    });
    this.output({ alias, target }, `alias ${formatAccount(alias)} -> ${formatAccount(target)} added`);
  }
}
