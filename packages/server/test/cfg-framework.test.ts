import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../src/config/index.js';
import { CfgError, type CfgErrorReason, type CfgFramework } from '../src/cfg/index.js';
import { frameworkOf, labFramework, OBSERVED_DIR } from './cfg-support.js';

function rejects(action: () => void, reason: CfgErrorReason, message: RegExp): void {
  assert.throws(action, (error: unknown) => error instanceof CfgError && error.reason === reason && message.test(error.message));
}

const read = (framework: CfgFramework, group: string, name: string, instance?: number) =>
  framework.read(framework.current, instance === undefined ? { group, name } : { group, name, instance });

test('groups and variables in the order cfg.list shows them on the lab instance (recorded)', async () => {
  const recorded = readFileSync(join(OBSERVED_DIR, 'kamcmd-cfg.txt'), 'utf8');
  const block = /kamailio_ctl cfg\.list\n([\s\S]*?)\[exit code: 0\]/.exec(recorded)![1]!.trim().split('\n');
  const framework = await labFramework();
  assert.equal(block.length, 147);
  assert.deepEqual(framework.list().map(([g, v]) => `${g}: ${v}`), block);
  assert.deepEqual(framework.list('lab'), [['lab', 'enabled'], ['lab', 'greeting']]);
  assert.deepEqual(framework.list('nosuch'), []);
});

test('defaults: compiled ones, then global parameters (core, tcp) and module parameters', async () => {
  const framework = await labFramework();
  const worker = framework.createWorker();
  const values = Object.fromEntries(
    [
      ['core', 'debug'], ['core', 'memdbg'], ['core', 'memlog'], ['core', 'log_facility'], ['core', 'use_dns_cache'], ['core', 'max_while_loops'],
      ['tcp', 'connection_lifetime'], ['tcp', 'accept_no_cl'], ['tm', 'fr_timer'], ['tm', 'fr_inv_timer'], ['tm', 'default_reason'], ['tm', 'ac_extra_hdrs'],
      ['registrar', 'max_expires'], ['registrar', 'min_expires'], ['registrar', 'max_contacts'], ['registrar', 'default_expires'],
      ['dispatcher', 'ping_reply_codes'], ['dispatcher', 'probing_threshold'], ['dbg', 'mod_hash_size'], ['dbg', 'mod_level_mode'], ['maxfwd', 'max_limit'],
      ['lab', 'enabled'], ['lab', 'greeting'],
    ].map(([g, v]) => [`${g}.${v}`, worker.get(g!, v!)]),
  );
  assert.deepEqual(values, {
    'core.debug': 2, 'core.memdbg': 5, 'core.memlog': 5, 'core.log_facility': 128, 'core.use_dns_cache': 0, 'core.max_while_loops': 100,
    'tcp.connection_lifetime': 3605, 'tcp.accept_no_cl': 1, 'tm.fr_timer': 5000, 'tm.fr_inv_timer': 30000, 'tm.default_reason': 'Server Internal Error', 'tm.ac_extra_hdrs': null,
    'registrar.max_expires': 3600, 'registrar.min_expires': 10, 'registrar.max_contacts': 10, 'registrar.default_expires': 3600,
    'dispatcher.ping_reply_codes': 'class=2;code=403;code=404;code=405', 'dispatcher.probing_threshold': 1, 'dbg.mod_hash_size': 4, 'dbg.mod_level_mode': 1, 'maxfwd.max_limit': 70,
    'lab.enabled': 1, 'lab.greeting': 'hello',
  });
  const bare = frameworkOf('debug=3\n');
  assert.equal(bare.hasGroup('tm'), false, 'a module group exists only with its module');
  assert.deepEqual(bare.list().slice(-1), [['core', 'pv_cache_action']]);
});

test('set_now: types, conversions and ranges, with the reason in the error', async () => {
  const framework = await labFramework();
  framework.setNow({ group: 'core', name: 'debug' }, 100);
  assert.equal(read(framework, 'core', 'debug'), 100, 'core.debug has no range');
  framework.setNow({ group: 'lab', name: 'enabled' }, '5');
  assert.equal(read(framework, 'lab', 'enabled'), 5, 'a complete decimal string is an int');
  framework.setNow({ group: 'lab', name: 'greeting' }, 5);
  assert.equal(read(framework, 'lab', 'greeting'), '5', 'an int for a string variable is printed in decimal');
  rejects(() => framework.setNow({ group: 'lab', name: 'enabled' }, 'abc'), 'wrong-type', /^cannot convert string "abc" to integer for lab\.enabled, expected a decimal integer$/);
  rejects(() => framework.setNow({ group: 'maxfwd', name: 'max_limit' }, 1000), 'out-of-range', /^1000 is out of range for maxfwd\.max_limit, expected 0 to 255$/);
  rejects(() => framework.setNow({ group: 'maxfwd', name: 'max_limit' }, -1), 'out-of-range', /expected 0 to 255/);
  rejects(() => framework.setNow({ group: 'tm', name: 'restart_fr_on_each_reply' }, 7), 'out-of-range', /expected 0 to 1$/);
  rejects(() => framework.setNow({ group: 'tm', name: 'default_code' }, 399), 'out-of-range', /expected 400 to 699$/);
  rejects(() => framework.setNow({ group: 'lab', name: 'nosuchvar' }, 1), 'unknown-variable', /^unknown variable "nosuchvar" in group lab$/);
  rejects(() => framework.setNow({ group: 'nosuchgroup', name: 'x' }, 1), 'unknown-group', /^unknown group "nosuchgroup"$/);
  rejects(() => framework.setNow({ group: 'dbg', name: 'mod_hash_size' }, 8), 'read-only', /^dbg\.mod_hash_size is read-only$/);
  assert.equal(read(framework, 'maxfwd', 'max_limit'), 70, 'a refused value changes nothing');
});

test('fix-ups: log_facility takes a name and stores its number, refuses unknown names; fix-up variables are unreadable', async () => {
  const framework = await labFramework();
  framework.setNow({ group: 'core', name: 'log_facility' }, 'LOG_LOCAL3');
  assert.equal(framework.createWorker().get('core', 'log_facility'), 152);
  rejects(() => framework.setNow({ group: 'core', name: 'log_facility' }, 'LOG_NOPE'), 'fixup-failed', /unknown syslog facility "LOG_NOPE"/);
  rejects(() => read(framework, 'core', 'log_facility'), 'not-readable', /core\.log_facility has a fix-up/);
  rejects(() => read(framework, 'tm', 'fr_timer'), 'not-readable', /fix-up/);
  assert.equal(framework.readGroup(framework.current, 'core').some(([name]) => name === 'log_facility'), false);
  assert.equal(framework.readGroup(framework.current, 'core').length, 58 - 11);
  assert.deepEqual(framework.describe('core', 'log_facility'), {
    group: 'core', name: 'log_facility', type: 'int', input: 'string', readable: false, description: 'syslog facility, set by name (LOG_DAEMON, LOG_LOCAL0, ...)',
  });
  // dbg modes need mod_hash_size at start-up.
  const withoutHash = frameworkOf('loadmodule "debugger.so"\n');
  rejects(() => withoutHash.setNow({ group: 'dbg', name: 'mod_level_mode' }, 1), 'fixup-failed', /mod_hash_size must be set on start/);
  framework.setNow({ group: 'dbg', name: 'mod_level_mode' }, 0);
});

test('snapshots: a worker sees one block per unit of work; atomic set_now lands in the block it holds if still current', async () => {
  const framework = await labFramework();
  const paused = framework.createWorker('udp receiver child=0');
  const other = framework.createWorker('udp receiver child=1');
  paused.beginUnit();
  other.beginUnit();

  // Only an atomic change: the paused worker's block is still the global one, so it sees it mid-unit.
  framework.setNow({ group: 'core', name: 'debug' }, 1);
  assert.equal(paused.get('core', 'debug'), 1);

  // A non-atomic change installs a new block; atomic changes after it go there, not to the old one.
  framework.setNow({ group: 'lab', name: 'greeting' }, 'changed');
  framework.setNow({ group: 'core', name: 'debug' }, 3);
  assert.equal(paused.get('lab', 'greeting'), 'hello');
  assert.equal(paused.get('core', 'debug'), 1);
  assert.equal(paused.snapshot === framework.current, false);

  // The next unit of work adopts everything.
  paused.beginUnit();
  assert.equal(paused.get('lab', 'greeting'), 'changed');
  assert.equal(paused.get('core', 'debug'), 3);
  assert.equal(other.get('lab', 'greeting'), 'hello', 'each worker refreshes on its own');
});

test('set_delayed, diff, commit, rollback: one shared pending list, validated at once, applied in order', async () => {
  const framework = await labFramework();
  const rpcA = framework.createWorker('ctl handler');
  const rpcB = framework.createWorker('JSONRPCS DATAGRAM');
  rpcA.beginUnit();
  framework.setDelayed({ group: 'lab', name: 'enabled' }, 0);
  framework.setDelayed({ group: 'core', name: 'debug' }, 1);
  framework.setDelayed({ group: 'lab', name: 'enabled' }, 7);
  rejects(() => framework.setDelayed({ group: 'maxfwd', name: 'max_limit' }, 300), 'out-of-range', /0 to 255/);
  rpcB.beginUnit();
  // Another client (another connection, another transport) sees the same pending changes.
  assert.deepEqual(framework.diff(rpcB.snapshot), [
    { group: 'lab', name: 'enabled', oldValue: 1, newValue: 0 },
    { group: 'core', name: 'debug', oldValue: 2, newValue: 1 },
    { group: 'lab', name: 'enabled', oldValue: 1, newValue: 7 },
  ]);
  assert.equal(read(framework, 'lab', 'enabled'), 1, 'nothing applied before commit');
  const before = framework.current;
  framework.commit();
  assert.notEqual(framework.current, before, 'commit installs one new block');
  assert.equal(read(framework, 'lab', 'enabled'), 7, 'the last pending change wins');
  assert.equal(read(framework, 'core', 'debug'), 1);
  assert.equal(rpcA.get('core', 'debug'), 2, 'a committed atomic variable is not written in place');
  assert.deepEqual(framework.diff(framework.current), []);

  framework.setDelayed({ group: 'lab', name: 'enabled' }, 1);
  framework.rollback();
  framework.commit();
  assert.equal(read(framework, 'lab', 'enabled'), 7);
});

test('group instances: follow the default group until set, del reverts, pending changes to a deleted instance fail commit', async () => {
  const framework = frameworkOf('pstn.gw_ip = "10.1.1.1" desc "PSTN GW Address"\npstn.gw_port = 5060\npstn[2].gw_port = 5070\n');
  assert.equal(read(framework, 'pstn', 'gw_port', 2), 5070, 'declared in the script');
  assert.equal(read(framework, 'pstn', 'gw_ip', 2), '10.1.1.1');
  rejects(() => framework.setNow({ group: 'pstn', instance: 1, name: 'gw_ip' }, 'x'), 'unknown-instance', /^group instance pstn\[1\] does not exist$/);
  framework.addInstance('pstn', 1);
  framework.addInstance('pstn', 1);
  framework.setNow({ group: 'pstn', instance: 1, name: 'gw_ip' }, '10.7.7.7');
  framework.setNow({ group: 'pstn', name: 'gw_ip' }, '10.8.8.8');
  framework.setNow({ group: 'pstn', name: 'gw_port' }, 5080);
  assert.equal(read(framework, 'pstn', 'gw_ip', 1), '10.7.7.7', 'explicitly set values are independent');
  assert.equal(read(framework, 'pstn', 'gw_port', 1), 5080, 'the others follow the default group');
  framework.deleteNow({ group: 'pstn', instance: 1, name: 'gw_ip' });
  assert.equal(read(framework, 'pstn', 'gw_ip', 1), '10.8.8.8');

  const worker = framework.createWorker();
  worker.beginUnit();
  assert.equal(worker.select('pstn', 2), true);
  assert.equal(worker.get('pstn', 'gw_port'), 5070);
  assert.equal(worker.select('pstn', 9), false);
  worker.beginUnit();
  assert.equal(worker.get('pstn', 'gw_port'), 5080, 'selections end with the unit of work');

  framework.setDelayed({ group: 'pstn', instance: 1, name: 'gw_port' }, 1);
  assert.deepEqual(framework.diff(framework.current), [{ group: 'pstn', instance: 1, name: 'gw_port', oldValue: 5080, newValue: 1 }]);
  framework.deleteInstance('pstn', 1);
  rejects(() => framework.commit(), 'unknown-instance', /pstn\[1\] does not exist/);
  rejects(() => framework.deleteInstance('pstn', 1), 'unknown-instance', /pstn\[1\]/);
  rejects(() => framework.addInstance('nosuch', 1), 'unknown-group', /nosuch/);
});

test('variables with a once-only per-child callback take no instance values', async () => {
  const framework = await labFramework();
  framework.addInstance('registrar', 1);
  rejects(() => framework.setNow({ group: 'registrar', instance: 1, name: 'max_expires' }, 60), 'no-instance-values', /does not support multiple values/);
  framework.setNow({ group: 'registrar', instance: 1, name: 'max_contacts' }, 2);
  assert.equal(read(framework, 'registrar', 'max_contacts', 1), 2);
});

test('per-child callbacks run in each worker at its refresh; once-only ones in the first worker only; not for instances', async () => {
  const framework = await labFramework();
  const runs: string[] = [];
  framework.onPerChildChange('core', 'force_rport', (worker, value) => runs.push(`${worker.name} force_rport=${value}`));
  framework.onPerChildChange('registrar', 'max_expires', (worker, value) => runs.push(`${worker.name} max_expires=${value}`));
  const one = framework.createWorker('one');
  const two = framework.createWorker('two');
  framework.setNow({ group: 'core', name: 'force_rport' }, 1);
  framework.setNow({ group: 'registrar', name: 'max_expires' }, 600);
  assert.deepEqual(runs, [], 'nothing runs before a refresh');
  two.beginUnit();
  one.beginUnit();
  one.beginUnit();
  assert.deepEqual(runs, ['two force_rport=1', 'two max_expires=600', 'one force_rport=1']);
  assert.throws(() => framework.onPerChildChange('core', 'debug', () => {}), /no per-child callback/);
});

test('reset: start-up values back; module groups with a str variable refused untouched; script groups to their declared values', async () => {
  const framework = await labFramework();
  framework.setNow({ group: 'core', name: 'debug' }, 4);
  framework.setNow({ group: 'core', name: 'max_while_loops' }, 5);
  framework.reset('core');
  assert.equal(read(framework, 'core', 'debug'), 2, 'the global parameter, not the compiled default');
  assert.equal(read(framework, 'core', 'max_while_loops'), 100);

  framework.setNow({ group: 'registrar', name: 'max_contacts' }, 3);
  rejects(() => framework.reset('registrar'), 'unsupported-input-type', /registrar\.realm_pref is a str variable/);
  assert.equal(read(framework, 'registrar', 'max_contacts'), 3);

  framework.setNow({ group: 'lab', name: 'greeting' }, 'bye');
  framework.reset('lab');
  assert.equal(read(framework, 'lab', 'greeting'), 'hello');
});

test('script declarations: a group named like a built-in one, or an instance of an unknown variable, are config errors at their line', () => {
  assert.throws(() => frameworkOf('debug=2\ncore.mine = 1\n'), (e: unknown) => e instanceof ConfigError && e.line === 2 && /configuration group has been already declared: core/.test(e.message));
  assert.throws(() => frameworkOf('pstn.gw_ip = ""\npstn[1].nope = 1\n'), (e: unknown) => e instanceof ConfigError && e.line === 2 && /unknown variable: pstn\.nope/.test(e.message));
  assert.throws(() => frameworkOf('log_facility=LOG_WHATEVER\n'), (e: unknown) => e instanceof ConfigError && e.line === 1 && /unknown syslog facility/.test(e.message));
  const framework = frameworkOf('loadmodule "tm.so"\nmodparam("tm", "fr_timer", 1000)\ntm[1].fr_inv_timer = 9000\n');
  assert.equal(framework.createWorker().get('tm', 'fr_timer'), 1000);
  assert.equal(framework.current.value('tm', 8, 1), 9000);
});
