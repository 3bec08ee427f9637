import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { CFG_GROUPS, cfgInputType, cfgRange, findCfgVariable, MODULE_GROUPS, syslogFacilityNumber } from '../src/index.js';

/** What the real Kamailio 5.6.3 of the reference lab answered to `kamcmd cfg.list`. */
const OBSERVED = new URL('../../../../test/fixtures/observed/kamcmd-cfg.txt', import.meta.url);

test('the catalogue has the groups and variables the real cfg.list shows, in its order', () => {
  const text = readFileSync(OBSERVED, 'utf8');
  const listing = text.slice(text.indexOf('cfg.list\n') + 'cfg.list\n'.length, text.indexOf('[exit code'));
  const observed = new Map<string, string[]>();
  for (const line of listing.split('\n').filter(Boolean)) {
    const [group, name] = line.split(': ') as [string, string];
    observed.set(group, [...(observed.get(group) ?? []), name]);
  }
  observed.delete('lab'); // the lab script's own group
  assert.deepEqual([...CFG_GROUPS.keys()].sort(), [...observed.keys()].sort());
  for (const [group, names] of observed) assert.deepEqual(CFG_GROUPS.get(group)?.vars.map((v) => v.name), names, group);
});

test('lookups: instances share their group; script groups and unknown variables are not in the catalogue', () => {
  assert.equal(findCfgVariable('tm[3]', 'default_code')?.default, 500);
  assert.equal(findCfgVariable('dbg', 'mod_hash_size')?.readonly, true);
  assert.equal(MODULE_GROUPS.get('debugger')?.name, 'dbg');
  assert.equal(findCfgVariable('lab', 'enabled'), undefined);
  assert.equal(findCfgVariable('core', 'nosuch'), undefined);
});

test('ranges apply to int input only, and not when min and max are both 0', () => {
  assert.deepEqual(cfgRange(findCfgVariable('core', 'udp_mtu')!), { min: 0, max: 65535 });
  assert.deepEqual(cfgRange(findCfgVariable('tm', 'default_code')!), { min: 400, max: 699 });
  assert.deepEqual(cfgRange(findCfgVariable('registrar', 'default_q')!), { min: -1, max: 1000 });
  assert.deepEqual(cfgRange(findCfgVariable('core', 'dns_reinit')!), { min: 1, max: 1 });
  assert.equal(cfgRange(findCfgVariable('core', 'debug')!), undefined);
  const facility = findCfgVariable('core', 'log_facility')!;
  assert.equal(cfgInputType(facility), 'string');
  assert.equal(cfgRange(facility), undefined);
  assert.equal(cfgInputType(findCfgVariable('registrar', 'realm_pref')!), 'string');
});

test('syslog facilities by name, any case', () => {
  assert.equal(syslogFacilityNumber('LOG_LOCAL0'), 128);
  assert.equal(syslogFacilityNumber('log_daemon'), 24);
  assert.equal(syslogFacilityNumber('LOG_NOPE'), undefined);
});
