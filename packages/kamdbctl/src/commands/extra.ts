import { AddGroupsCommand } from '../cli/add-groups-command.js';

export default class Extra extends AddGroupsCommand {
  static override description = 'Add the tables of EXTRA_MODULES to the existing database (all or nothing; existing tables are refused).';

  async run(): Promise<void> {
    await this.parseCommand(Extra);
    await this.addGroupIds(this.settings.sets.extra, 'EXTRA_MODULES');
  }
}
