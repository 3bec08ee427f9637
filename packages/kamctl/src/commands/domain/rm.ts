import { Args } from '@oclif/core';

import { KamctlError } from '../../cli/exit-codes.js';
import { ProvisioningCommand } from '../../cli/provisioning-command.js';
import { DomainRepository } from '../../db/domain-repository.js';
import { validateSipDomain } from '../../validate/sip-domain.js';

export default class DomainRm extends ProvisioningCommand {
  static override summary = 'remove a local domain, then reload the server cache';
  static override args = { domain: Args.string({ description: 'domain', required: true }) };

  async run(): Promise<void> {
    const { args, flags } = await this.parseCommand(DomainRm);
    const domain = validateSipDomain(args.domain);
    const removed = await this.inTransaction((trx) => new DomainRepository(trx, this.settings.tables.domain).remove(domain));
    if (removed === 0) throw new KamctlError(`${domain} is not in the domain table`);
    const reload = await this.reloadAfterChange('domain', flags.reload, 'kamctl domain reload');
    this.output({ removed: { domain }, reload });
  }
}
