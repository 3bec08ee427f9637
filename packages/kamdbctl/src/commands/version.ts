import { KAMAILIO_SCHEMA_VERSION } from '@kamkit/schema';

import { KamdbctlCommand } from '../cli/kamdbctl-command.js';

export default class Version extends KamdbctlCommand {
  static override description = 'Print the version of this kamdbctl and of the Kamailio schema it creates.';

  async run(): Promise<void> {
    await this.parseCommand(Version);
    const version = this.config.version;
    this.output({ kamdbctl: version, kamailioSchema: KAMAILIO_SCHEMA_VERSION }, `kamdbctl ${version} (kamkit), Kamailio schema ${KAMAILIO_SCHEMA_VERSION}`);
  }
}
