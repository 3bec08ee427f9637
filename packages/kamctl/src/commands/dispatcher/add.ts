import { Args } from '@oclif/core';

import { ProvisioningCommand } from '../../cli/provisioning-command.js';
import { DispatcherRepository } from '../../db/dispatcher-repository.js';
import { parseInt32, parseSetId } from '../../validate/numbers.js';
import { validateSipUri } from '../../validate/sip-uri.js';
import { validateText } from '../../validate/text-field.js';

export default class DispatcherAdd extends ProvisioningCommand {
  static override summary = 'add a destination (kamctl order: setid, uri, flags, priority, attrs, description), then reload';
  static override args = {
    setid: Args.string({ description: 'set id', required: true }),
    uri: Args.string({ description: 'destination SIP URI', required: true }),
    flags: Args.string({ description: 'flags (default 0)', default: '0' }),
    priority: Args.string({ description: 'priority (default 0)', default: '0' }),
    attrs: Args.string({ description: 'attributes, e.g. weight=50;duid=gw1 (default empty)' }),
    description: Args.string({ description: 'description (default empty)' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parseCommand(DispatcherAdd);
    const row = {
      setid: parseSetId(args.setid),
      destination: validateSipUri(args.uri, 'destination', 192),
      flags: parseInt32(args.flags, 'flags'),
      priority: parseInt32(args.priority, 'priority'),
      attrs: validateText(args.attrs ?? '', 'attrs', 128),
      description: validateText(args.description ?? '', 'description', 64),
    };
    const id = await this.inTransaction((trx) => new DispatcherRepository(trx, this.settings.tables.dispatcher).add(row));
    const reload = await this.reloadAfterChange('dispatcher', flags.reload, 'kamctl dispatcher reload');
    this.output({ added: { id, ...row }, reload });
  }
}
