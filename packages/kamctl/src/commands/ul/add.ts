import { Args, Flags } from '@oclif/core';
import { asDouble, asInt } from '@kamkit/rpc';

import { KamctlCommand } from '../../cli/kamctl-command.js';
import { formatAccount, parseAccount } from '../../validate/aor.js';
import { INT32_MAX, parseInteger } from '../../validate/numbers.js';
import { validateSipUri } from '../../validate/sip-uri.js';
import { ValidationError } from '../../validate/validation-error.js';

export default class UlAdd extends KamctlCommand {
  static override summary = 'add a contact to usrloc (ul.add); expires 0 = permanent';
  static override args = {
    aor: Args.string({ description: 'user or user@domain', required: true }),
    contact: Args.string({ description: 'contact SIP URI', required: true }),
    expires: Args.string({ description: 'seconds, 0 = permanent (default 0)', default: '0' }),
    path: Args.string({ description: 'Path header value (default none)' }),
  };
  static override flags = {
    q: Flags.string({ description: 'q value 0-1 (default DEFAULT_Q or 1.0)' }),
    table: Flags.string({ description: 'usrloc domain (table)', default: 'location' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parseCommand(UlAdd);
    const aor = formatAccount(parseAccount(args.aor, this.settings.sipDomain));
    const contact = validateSipUri(args.contact, 'contact', 512);
    const expires = parseInteger(args.expires, 'expires', 0, INT32_MAX);
    const qText = flags.q ?? this.kamctlrc.get('DEFAULT_Q') ?? '1.0';
    const q = Number(qText);
    if (!/^\d*\.?\d+$/.test(qText) || q < 0 || q > 1) throw new ValidationError('q', qText, 'expected a number from 0 to 1');
    // usrloc reads q as a double, methods as unsigned: 0xFFFFFFFF (all methods) goes out as int -1.
    await this.rpc('ul.add', flags.table, aor, contact, asInt(expires), asDouble(q), args.path ?? '.', asInt(0), asInt(0), asInt(-1));
    this.output({ added: { aor, contact, expires, q } });
  }
}
