/** kamdbctl 5.6.3's built-in values (kamdbctl.base) for variables a kamctlrc leaves unset. */
import { EXTRA_MODULES, PRESENCE_MODULES, STANDARD_MODULES, UID_MODULES } from '@kamkit/schema';

export const KAMDBCTL_DEFAULTS: Readonly<Record<string, string>> = {
  DBHOST: 'localhost',
  DBNAME: 'kamailio',
  DBRWUSER: 'kamailio',
  DBRWPW: 'kamailiorw',
  DBROUSER: 'kamailioro',
  DBROPW: 'kamailioro',
  INSTALL_EXTRA_TABLES: 'ask',
  INSTALL_PRESENCE_TABLES: 'ask',
  INSTALL_DBUID_TABLES: 'ask',
  STANDARD_MODULES: STANDARD_MODULES.join(' '),
  PRESENCE_MODULES: PRESENCE_MODULES.join(' '),
  EXTRA_MODULES: EXTRA_MODULES.join(' '),
  UID_MODULES: UID_MODULES.join(' '),
};

/** The administrator each engine defaults to when DBROOTUSER is unset. */
export const DEFAULT_ROOT_USER = { mysql: 'root', pgsql: 'postgres', sqlite: '' } as const;
