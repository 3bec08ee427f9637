import { Args } from '@oclif/core';

import { KamctlError } from '../cli/exit-codes.js';
import { KamctlCommand } from '../cli/kamctl-command.js';
import { passwordFlags } from '../cli/password-source.js';
import { credentialColumns } from '../credentials/digest-credentials.js';
import { resolveCredentialInput } from '../credentials/password-input.js';
import { knexSqlSession } from '../sql/knex-sql-session.js';
import { changeCredentials } from '../subscribers/subscriber-writes.js';
import { formatAccount, parseAccount } from '../validate/aor.js';

export default class Passwd extends KamctlCommand {
  static override summary = "change a subscriber's password (ha1, ha1b and, with STORE_PLAINTEXT_PW=1, password)";
  static override args = {
    user: Args.string({ description: 'user or user@domain', required: true }),
    password: Args.string({ description: 'new password (prefer --password-stdin or KAMCTL_PASSWORD)' }),
  };
  static override flags = passwordFlags;

  async run(): Promise<void> {
    const { args, flags } = await this.parseCommand(Passwd);
    const account = parseAccount(args.user, this.settings.sipDomain);
    const { password, credentials } = await resolveCredentialInput(args.password, flags, this.settings.credentials);
    const { engine } = this.dbSettings();
    const changed = await this.inTransaction((trx) =>
      changeCredentials(knexSqlSession(trx, engine), this.settings.tables.subscriber, account, credentialColumns(account.username, account.domain, password, credentials)),
    );
    if (!changed) throw new KamctlError(`non-existent user '${formatAccount(account)}'`);
    this.output({ changed: account }, 'password change succeeded');
  }
}
