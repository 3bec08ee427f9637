import { Args, Flags } from '@oclif/core';

import { KamctlError } from '../cli/exit-codes.js';
import { KamctlCommand } from '../cli/kamctl-command.js';
import { passwordFlags, resolvePassword } from '../cli/password-source.js';
import { credentialColumns } from '../credentials/digest-credentials.js';
import { AliasRepository } from '../db/alias-repository.js';
import { SubscriberRepository } from '../db/subscriber-repository.js';
import { formatAccount, parseAccount } from '../validate/aor.js';
import { validateSipDomain } from '../validate/sip-domain.js';

export default class Add extends KamctlCommand {
  static override summary = 'add a subscriber (ha1/ha1b computed as Kamailio does)';
  static override args = {
    user: Args.string({ description: 'user or user@domain (domain defaults to SIP_DOMAIN)', required: true }),
    password: Args.string({ description: 'password (kamctl compatible; prefer --password-stdin or KAMCTL_PASSWORD)' }),
  };
  static override flags = {
    ...passwordFlags,
    realm: Flags.string({ description: 'digest realm for ha1/ha1b (default: KAMCTL_REALM, else the domain)' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parseCommand(Add);
    const account = parseAccount(args.user, this.settings.sipDomain);
    const password = await resolvePassword(args.password, flags['password-stdin']);
    const credentials = { ...this.settings.credentials, realm: flags.realm === undefined ? this.settings.credentials.realm : validateSipDomain(flags.realm, 'realm') };
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
