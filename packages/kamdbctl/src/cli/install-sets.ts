/** The --presence/--extra/--dbuid flags of create, reinit and upgrade, and the sets they select. */
import { Flags } from './oclif.js';

import type { InstallChoice, KamdbctlSettings, SetName } from '../settings/kamdbctl-settings.js';

export const installSetFlags = {
  presence: Flags.boolean({ allowNo: true, description: 'include the presence tables (default: INSTALL_PRESENCE_TABLES)' }),
  extra: Flags.boolean({ allowNo: true, description: 'include the extra tables (default: INSTALL_EXTRA_TABLES)' }),
  dbuid: Flags.boolean({ allowNo: true, description: 'include the uid tables (default: INSTALL_DBUID_TABLES)' }),
};

export type Decide = (flag: boolean | undefined, choice: InstallChoice, variable: string, question: string) => Promise<boolean>;

/** standard, then each optional set the flags or settings (or the user) say yes to. */
export async function chooseSets(
  settings: KamdbctlSettings,
  flags: { presence?: boolean | undefined; extra?: boolean | undefined; dbuid?: boolean | undefined },
  decide: Decide,
): Promise<SetName[]> {
  const sets: SetName[] = ['standard'];
  if (await decide(flags.presence, settings.install.presence, 'INSTALL_PRESENCE_TABLES', 'Create the presence tables?')) sets.push('presence');
  const extra = settings.sets.extra.join(' ');
  if (await decide(flags.extra, settings.install.extra, 'INSTALL_EXTRA_TABLES', `Create the tables for ${extra}?`)) sets.push('extra');
  const dbuid = settings.sets.dbuid.join(' ');
  if (await decide(flags.dbuid, settings.install.dbuid, 'INSTALL_DBUID_TABLES', `Create the tables for ${dbuid}?`)) sets.push('dbuid');
  return sets;
}
