import { syslogFacilityNumber, type CfgFixupKind } from '@kamkit/cfg-catalog';

import type { CfgFixup } from '../model/cfg-definition.js';

/**
 * The code behind the catalogue's fix-up kinds. `pass-through` ones act on subsystems the companion
 * does not have, so they take the value as it is.
 */
export const CFG_FIXUPS: Readonly<Record<CfgFixupKind, CfgFixup>> = {
  'pass-through': (value) => value,
  'syslog-facility': (value) =>
    syslogFacilityNumber(String(value)) ?? { veto: `unknown syslog facility ${JSON.stringify(value)}, expected LOG_DAEMON, LOG_LOCAL0 … LOG_LOCAL7 or another LOG_* name` },
  'needs-dbg-mod-hash-size': (value, read) => (read('dbg', 'mod_hash_size') === 0 ? { veto: 'mod_hash_size must be set on start' } : value),
};
