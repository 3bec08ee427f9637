import { Args } from '@oclif/core';

import { KamctlError } from '../../cli/exit-codes.js';
import { ProvisioningCommand } from '../../cli/provisioning-command.js';
import { AddressRepository } from '../../db/address-repository.js';
import { validateIp } from '../../validate/ip-address.js';
import { parseSetId } from '../../validate/numbers.js';

export default class AddressRm extends ProvisioningCommand {
  static override summary = 'remove the addresses of a group with this IP, then reload the server cache';
  static override args = {
    grp: Args.string({ description: 'group id', required: true }),
    ip: Args.string({ description: 'IP address', required: true }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parseCommand(AddressRm);
    const grp = parseSetId(args.grp, 'group');
    const ip = validateIp(args.ip);
    const removed = await this.inTransaction((trx) => new AddressRepository(trx, this.settings.tables.address).remove(grp, ip));
    if (removed === 0) throw new KamctlError(`no address ${ip} in group ${grp}`);
    const reload = await this.reloadAfterChange('address', flags.reload, 'kamctl address reload');
    this.output({ removed: { grp, ip_addr: ip, rows: removed }, reload });
  }
}
