import { Args } from '@oclif/core';

import { KamctlError } from '../cli/exit-codes.js';
import { KamctlCommand } from '../cli/kamctl-command.js';
import { passwordFlags, resolveCredentialInput } from '../cli/password-source.js';
import { credentialColumns } from '../credentials/digest-credentials.js';
import { AliasRepository } from '../db/alias-repository.js';
import { SubscriberRepository } from '../db/subscriber-repository.js';
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
    await this.inTransaction(async (trx) => {
      const subscribers = new SubscriberRepository(trx, tables.subscriber);
      if (await subscribers.exists(account)) throw new KamctlError(`user '${formatAccount(account)}' already exists`);
      if (aliasesType === 'DB' && (await new AliasRepository(trx, tables.dbaliases).isAlias(account))) {
        throw new KamctlError(`user '${formatAccount(account)}' already exists as alias`);
      }
      await subscribers.add(account, credentialColumns(account.username, account.domain, password, credentials));
    });
    this.output({ added: account }, `new user '${formatAccount(account)}' added`);
  }
}
