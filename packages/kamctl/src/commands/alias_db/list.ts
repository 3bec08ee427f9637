import { Args } from '@oclif/core';

import { KamctlCommand } from '../../cli/kamctl-command.js';
import { AliasRepository } from '../../db/alias-repository.js';
import { formatRows } from '../../output/format-rows.js';
import { parseAccount } from '../../validate/aor.js';

export default class AliasDbList extends KamctlCommand {
  static override summary = 'list the aliases of a user, or every alias';
  static override args = { user: Args.string({ description: 'target user@domain (default: all aliases)' }) };

  async run(): Promise<void> {
    const { args } = await this.parseCommand(AliasDbList);
    const target = args.user === undefined ? undefined : parseAccount(args.user, this.settings.sipDomain);
    const rows = await this.withDatabase('ro', (db) => new AliasRepository(db, this.settings.tables.dbaliases).aliasesOf(target));
    this.output(rows, formatRows(rows, ['alias_username', 'alias_domain', 'username', 'domain']));
  }
}
