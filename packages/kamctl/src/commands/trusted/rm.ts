import { Args } from '@oclif/core';

import { KamctlError } from '../../cli/exit-codes.js';
import { ProvisioningCommand } from '../../cli/provisioning-command.js';
import { TrustedRepository } from '../../db/trusted-repository.js';
import { validateIp } from '../../validate/ip-address.js';

export default class TrustedRm extends ProvisioningCommand {
  static override summary = 'remove every trusted row of a source IP, then reload the server cache';
  static override args = { ip: Args.string({ description: 'source IP', required: true }) };

  async run(): Promise<void> {
    const { args, flags } = await this.parseCommand(TrustedRm);
    const ip = validateIp(args.ip);
    const removed = await this.inTransaction((trx) => new TrustedRepository(trx, this.settings.tables.trusted).remove(ip));
    if (removed === 0) throw new KamctlError(`${ip} is not in the trusted table`);
    const reload = await this.reloadAfterChange('trusted', flags.reload, 'kamctl trusted reload');
    this.output({ removed: { src_ip: ip, rows: removed }, reload });
  }
}
