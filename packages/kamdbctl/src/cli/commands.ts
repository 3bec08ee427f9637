/**
 * Every kamdbctl command by its id, for the start-up bundle (scripts/bundle.mjs): oclif gets the
 * classes from here ("explicit" command discovery) instead of importing one file per command,
 * which a bundle run through node:vm cannot do. The modules path keeps oclif's file discovery.
 * A test checks that this lists exactly the files in src/commands.
 */
import type { Command } from './oclif.js';

import AddTables from '../commands/add-tables.js';
import Backup from '../commands/backup.js';
import Config from '../commands/config.js';
import Copy from '../commands/copy.js';
import Create from '../commands/create.js';
import Dbuid from '../commands/dbuid.js';
import Drop from '../commands/drop.js';
import Extra from '../commands/extra.js';
import Grant from '../commands/grant.js';
import Presence from '../commands/presence.js';
import Reinit from '../commands/reinit.js';
import Restore from '../commands/restore.js';
import Revoke from '../commands/revoke.js';
import Status from '../commands/status.js';
import Upgrade from '../commands/upgrade.js';
import Version from '../commands/version.js';

export const COMMANDS: Record<string, Command.Class> = {
  'add-tables': AddTables,
  backup: Backup,
  config: Config,
  copy: Copy,
  create: Create,
  dbuid: Dbuid,
  drop: Drop,
  extra: Extra,
  grant: Grant,
  presence: Presence,
  reinit: Reinit,
  restore: Restore,
  revoke: Revoke,
  status: Status,
  upgrade: Upgrade,
  version: Version,
};
