import { Args } from '@oclif/core';

import { KamctlCommand } from '../cli/kamctl-command.js';
import { passwordFlags } from '../cli/password-source.js';
import { credentialColumns } from '../credentials/digest-credentials.js';
import { resolveCredentialInput } from '../credentials/password-input.js';
import { knexSqlSession } from '../sql/knex-sql-session.js';
import { addSubscriber } from '../subscribers/subscriber-writes.js';
import { formatAccount, parseAccount } from '../validate/aor.js';

export default class Add extends KamctlCommand {
  static override summary = 'add a subscriber (ha1/ha1b computed as Kamailio does)';
  static override args = {
    user: Args.string({ description: 'user or user@domain (domain defaults to SIP_DOMAIN)', required: true }),
    password: Args.string({ description: 'password (kamctl compatible; prefer --password-stdin or KAMCTL_PASSWORD)' }),
  };
  static override flags = passwordFlags;

  async run(): Promise<void> {
    const { args, flags } = await this.parseCommand(Add);
    const account = parseAccount(args.user, this.settings.sipDomain);
    const { password, credentials } = await resolveCredentialInput(args.password, flags, this.settings.credentials);
    const { tables, aliasesType } = this.settings;
    const { engine } = this.dbSettings();
    await this.inTransaction((trx) =>
      addSubscriber(knexSqlSession(trx, engine), {
        account,
        credentials: credentialColumns(account.username, account.domain, password, credentials),
        subscriberTable: tables.subscriber,
        aliasTable: aliasesType === 'DB' ? tables.dbaliases : undefined,
      }),
    );
    this.output({ added: account }, `new user '${formatAccount(account)}' added`);
  }
}
