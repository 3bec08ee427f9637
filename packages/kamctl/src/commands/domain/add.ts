import { Args, Flags } from '@oclif/core';

import { KamctlError } from '../../cli/exit-codes.js';
import { ProvisioningCommand } from '../../cli/provisioning-command.js';
import { DomainRepository } from '../../db/domain-repository.js';
import { sqlNow } from '../../db/open-database.js';
import { validateSipDomain } from '../../validate/sip-domain.js';

export default class DomainAdd extends ProvisioningCommand {
  static override summary = 'add a local domain, then reload the server cache';
  static override args = { domain: Args.string({ description: 'domain', required: true }) };
  static override flags = { did: Flags.string({ description: 'domain id (did column; default NULL as kamctl)' }) };

  async run(): Promise<void> {
    const { args, flags } = await this.parseCommand(DomainAdd);
    const domain = validateSipDomain(args.domain);
    const did = flags.did === undefined ? null : validateSipDomain(flags.did, 'did');
    await this.inTransaction(async (trx) => {
      const domains = new DomainRepository(trx, this.settings.tables.domain);
      if (await domains.exists(domain)) throw new KamctlError(`${domain} already in domain table`);
      await domains.add(domain, did, sqlNow());
    });
    const reload = await this.reloadAfterChange('domain', flags.reload, 'kamctl domain reload');
    this.output({ added: { domain, did }, reload });
  }
}
