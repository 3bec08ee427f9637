import { AddGroupsCommand } from '../cli/add-groups-command.js';

export default class Dbuid extends AddGroupsCommand {
  static override description = 'Add the tables of UID_MODULES to the existing database (all or nothing; existing tables are refused).';

  async run(): Promise<void> {
    await this.parseCommand(Dbuid);
    await this.addGroupIds(this.settings.sets.dbuid, 'UID_MODULES');
  }
}
