import { AddGroupsCommand } from '../cli/add-groups-command.js';

export default class Presence extends AddGroupsCommand {
  static override description = 'Add the tables of PRESENCE_MODULES to the existing database (all or nothing; existing tables are refused).';

  async run(): Promise<void> {
    await this.parseCommand(Presence);
    await this.addGroupIds(this.settings.sets.presence, 'PRESENCE_MODULES');
  }
}
