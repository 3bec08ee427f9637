import { Args } from '../cli/oclif.js';

import { AddGroupsCommand } from '../cli/add-groups-command.js';

export default class AddTables extends AddGroupsCommand {
  static override description = 'Add the tables of one group (e.g. matrix, uid_domain) to the existing database, on any engine.';
  static override args = { group: Args.string({ description: 'table group id, as in schemas/kamailio-<group>.xml', required: true }) };
  static override examples = ['<%= config.bin %> add-tables matrix'];

  async run(): Promise<void> {
    const { args } = await this.parseCommand(AddTables);
    await this.addGroupIds([args.group], 'group');
  }
}
