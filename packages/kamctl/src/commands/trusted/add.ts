import { Args } from '@oclif/core';

import { KamctlError } from '../../cli/exit-codes.js';
import { ProvisioningCommand } from '../../cli/provisioning-command.js';
import { TrustedRepository } from '../../db/trusted-repository.js';
import { validateIp } from '../../validate/ip-address.js';
import { validateText } from '../../validate/text-field.js';
import { ValidationError } from '../../validate/validation-error.js';

const PROTOCOLS = ['any', 'udp', 'tcp', 'tls', 'sctp', 'none'];

export default class TrustedAdd extends ProvisioningCommand {
  static override summary = 'add a trusted source (IP, protocol, From pattern, tag), then reload the server cache';
  static override args = {
    ip: Args.string({ description: 'source IP', required: true }),
    proto: Args.string({ description: `protocol: ${PROTOCOLS.join('|')}`, required: true }),
    pattern: Args.string({ description: 'From URI regular expression (default empty)' }),
    tag: Args.string({ description: 'tag (default empty)' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parseCommand(TrustedAdd);
    const row = {
      src_ip: validateIp(args.ip),
      proto: args.proto,
      from_pattern: validateText(args.pattern ?? '', 'from pattern', 64),
      tag: validateText(args.tag ?? '', 'tag', 64),
    };
    if (!PROTOCOLS.includes(row.proto)) throw new ValidationError('protocol', row.proto, `expected ${PROTOCOLS.join(', ')}`);
    await this.inTransaction(async (trx) => {
      const trusted = new TrustedRepository(trx, this.settings.tables.trusted);
      // One row per source, protocol and pattern (kamctl allowed a single row per IP).
      if ((await trusted.count({ src_ip: row.src_ip, proto: row.proto, from_pattern: row.from_pattern })) > 0) {
        throw new KamctlError(`${row.src_ip} (${row.proto}, pattern ${JSON.stringify(row.from_pattern)}) already in trusted table`);
      }
      await trusted.add(row);
    });
    const reload = await this.reloadAfterChange('trusted', flags.reload, 'kamctl trusted reload');
    this.output({ added: row, reload });
  }
}
