import { Args } from '@oclif/core';

import { ProvisioningCommand } from '../../cli/provisioning-command.js';
import { AddressRepository } from '../../db/address-repository.js';
import { parseMask, validateIp } from '../../validate/ip-address.js';
import { parsePort, parseSetId } from '../../validate/numbers.js';
import { validateText } from '../../validate/text-field.js';

export default class AddressAdd extends ProvisioningCommand {
  static override summary = 'add an address (group, IP, mask, port, tag), then reload the server cache';
  static override args = {
    grp: Args.string({ description: 'group id', required: true }),
    ip: Args.string({ description: 'IPv4 or IPv6 address', required: true }),
    mask: Args.string({ description: 'prefix length (default 32, 128 for IPv6)' }),
    port: Args.string({ description: 'port, 0 = any (default 0)', default: '0' }),
    tag: Args.string({ description: 'tag (default empty)' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parseCommand(AddressAdd);
    const ip = validateIp(args.ip);
    const row = {
      grp: parseSetId(args.grp, 'group'),
      ip_addr: ip,
      mask: args.mask === undefined ? (ip.includes(':') ? 128 : 32) : parseMask(args.mask, ip),
      port: parsePort(args.port),
      tag: validateText(args.tag ?? '', 'tag', 64),
    };
    await this.inTransaction((trx) => new AddressRepository(trx, this.settings.tables.address).add(row));
    const reload = await this.reloadAfterChange('address', flags.reload, 'kamctl address reload');
    this.output({ added: row, reload });
  }
}
