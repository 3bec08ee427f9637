/**
 * The order in which Kamailio 5.6.3's kamdbctl creates the groups (defaults of
 * kamdbctl.base). `standard` comes first because it creates the `version` table
 * every other group inserts into.
 */
export const STANDARD_MODULES = [
  'standard', 'acc', 'lcr', 'domain', 'group', 'permissions', 'registrar', 'usrloc', 'msilo', 'alias_db',
  'uri_db', 'speeddial', 'avpops', 'auth_db', 'pdt', 'dialog', 'dispatcher', 'dialplan', 'topos',
] as const;
export const PRESENCE_MODULES = ['presence', 'rls'] as const;
export const EXTRA_MODULES = [
  'imc', 'cpl', 'siptrace', 'domainpolicy', 'carrierroute', 'drouting', 'userblocklist', 'htable', 'purple',
  'uac', 'pipelimit', 'mtree', 'sca', 'mohqueue', 'rtpproxy', 'rtpengine', 'secfilter',
] as const;
export const UID_MODULES = ['uid_auth_db', 'uid_avp_db', 'uid_domain', 'uid_gflags', 'uid_uri_db'] as const;

/** kamdbctl's sets in creation order. `matrix` is in none of them (only `add-tables` installs it); it goes last. */
export const INSTALL_ORDER: readonly string[] = [...STANDARD_MODULES, ...PRESENCE_MODULES, ...EXTRA_MODULES, ...UID_MODULES, 'matrix'];

/** Sorts group ids by INSTALL_ORDER; unknown groups follow, alphabetically. */
export function sortByInstallOrder<T>(items: readonly T[], id: (item: T) => string): T[] {
  const rank = (s: string): number => {
    const i = INSTALL_ORDER.indexOf(s);
    return i < 0 ? INSTALL_ORDER.length : i;
  };
  return [...items].sort((a, b) => rank(id(a)) - rank(id(b)) || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
}
