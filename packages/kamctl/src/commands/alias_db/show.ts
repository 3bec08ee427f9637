import { Args } from '@oclif/core';

import { KamctlCommand } from '../../cli/kamctl-command.js';
import { AliasRepository } from '../../db/alias-repository.js';
import { formatAccount, parseAccount } from '../../validate/aor.js';

export default class AliasDbShow extends KamctlCommand {
  static override summary = 'show the target (SIP-ID) of an alias';
  static override args = { alias: Args.string({ description: 'alias user@domain', required: true }) };

  async run(): Promise<void> {
    const { args } = await this.parseCommand(AliasDbShow);
    const alias = parseAccount(args.alias, this.settings.sipDomain, 'alias');
    const rows = await this.withDatabase('ro', (db) => new AliasRepository(db, this.settings.tables.dbaliases).targetsOf(alias));
    const targets = rows.map((r) => formatAccount({ username: r.username, domain: r.domain }));
    this.output(targets, ['SIP-ID', ...targets].join('\n'));
  }
}
