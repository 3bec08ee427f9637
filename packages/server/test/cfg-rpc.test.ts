import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CfgRpcPeer, kamcmdRecordings, type KamcmdRecording } from './cfg-rpc-support.js';
import { frameworkOf, labFramework } from './cfg-support.js';

/**
 * Our output must be the recorded one, except that our faults add `: <why>` to Kamailio's message
 * (same code, same leading text).
 */
function assertLikeRecording(ours: string, recording: KamcmdRecording): void {
  const label = `kamcmd ${recording.method} ${recording.words.join(' ')}`;
  if (ours === recording.output) return;
  const fault = /^error: (\d+) - (.*)\n$/.exec(recording.output);
  assert.ok(fault, `${label}: printed ${JSON.stringify(ours)}, recorded ${JSON.stringify(recording.output)}`);
  assert.ok(ours.startsWith(`error: ${fault[1]} - ${fault[2]}: `) && ours.endsWith('\n'), `${label}: printed ${JSON.stringify(ours)}, recorded ${JSON.stringify(recording.output)}`);
}

async function replay(file: string): Promise<{ peer: CfgRpcPeer; replayed: number }> {
  const peer = new CfgRpcPeer(await labFramework());
  let replayed = 0;
  for (const recording of kamcmdRecordings(file)) {
    // kamcmd's own option errors (a negative number without `--`) never reach the server.
    if (!recording.method.startsWith('cfg.') || recording.exitCode !== 0) continue;
    assertLikeRecording(await peer.kamcmd(recording.method, ...recording.words), recording);
    replayed++;
  }
  return { peer, replayed };
}

test('kamcmd-cfg.txt: every recorded cfg.* call prints what Kamailio 5.6.3 printed, in sequence', async () => {
  const { replayed } = await replay('kamcmd-cfg.txt');
  assert.equal(replayed, 28);
});

test('kamcmd-errors.txt: same fault codes and texts (with the reason added), transport scan faults unchanged', async () => {
  const { replayed } = await replay('kamcmd-errors.txt');
  assert.equal(replayed, 19);
  const peer = new CfgRpcPeer(await labFramework());
  assert.equal(await peer.kamcmd('cfg.set_now_int', 'maxfwd', 'max_limit', '1000'), 'error: 400 - Failed to set the variable: 1000 is out of range for maxfwd.max_limit, expected 0 to 255\n');
  assert.equal(await peer.kamcmd('cfg.set_now_int', 'nosuchgroup', 'x', '1'), 'error: 400 - Failed to set the variable: unknown group "nosuchgroup"\n');
  assert.equal(await peer.kamcmd('cfg.set_now_string', 'core', 'debug', 'abc'), 'error: 400 - Failed to set the variable: cannot convert string "abc" to integer for core.debug, expected a decimal integer\n');
  assert.equal(await peer.kamcmd('cfg.get', 'lab', 'nosuchvar'), 'error: 400 - Failed to get the variable: unknown variable "nosuchvar" in group lab\n');
});

test('every method cfg_rpc registers in 5.6.3, with RET_ARRAY on cfg.list only', async () => {
  const peer = new CfgRpcPeer(await labFramework());
  assert.deepEqual(peer.registry.names(), [
    'cfg.add_group_inst', 'cfg.commit', 'cfg.del', 'cfg.del_delayed', 'cfg.del_group_inst', 'cfg.diff', 'cfg.get', 'cfg.help', 'cfg.list', 'cfg.reset',
    'cfg.rollback', 'cfg.set', 'cfg.set_delayed', 'cfg.set_delayed_int', 'cfg.set_delayed_string', 'cfg.set_now_int', 'cfg.set_now_string', 'cfg.seti', 'cfg.sets',
  ]);
  assert.deepEqual(peer.registry.names().filter((n) => peer.registry.isRetArray(n)), ['cfg.list']);
});

test('cfg.get: a group as a struct of readable variables, an unknown group as {}, unreadable and missing variables as faults', async () => {
  const peer = new CfgRpcPeer(frameworkOf('pstn.gw_ip = "10.1.1.1"\npstn.gw_port = 5060\npstn.noval = ""\nloadmodule "tm.so"\n'));
  assert.equal(await peer.kamcmd('cfg.get', 'pstn'), '{\n\tgw_ip: 10.1.1.1\n\tgw_port: 5060\n\tnoval: \n}\n');
  assert.equal(await peer.kamcmd('cfg.get', 'nosuch'), '{\n}\n');
  assert.deepEqual((await peer.json('cfg.get', 'nosuch')).body.result, {});
  assert.equal(await peer.kamcmd('cfg.get', 'tm', 'ac_extra_hdrs'), '<null string>\n');
  assert.equal((await peer.json('cfg.get', 'tm', 'ac_extra_hdrs')).body.result, null);
  assert.deepEqual((await peer.json('cfg.get', 'core', 'log_facility')).body.error, {
    code: 400,
    message: 'Variable exists, but it is not readable via RPC interface: core.log_facility has a fix-up, so its value cannot be read back',
  });
  assert.deepEqual((await peer.json('cfg.get')).body.error, { code: 500, message: 'Failed to get the parameters' });
  assert.equal(await peer.kamcmd('cfg.get', 'pstn[3]', 'gw_ip'), 'error: 400 - Failed to get the variable: group instance pstn[3] does not exist\n');
  assert.equal(await peer.kamcmd('cfg.get', 'pstn[x', 'gw_ip'), 'error: 400 - Wrong group syntax. Use either "group", or "group[id]"\n');
});

test('cfg.help and cfg.list: both values over BINRPC, only the type line over JSON-RPC (last add wins); cfg.list is an array', async () => {
  const peer = new CfgRpcPeer(frameworkOf('pstn.gw_ip = "" desc "PSTN GW Address"\npstn.gw_port = 5060\n'));
  assert.equal(await peer.kamcmd('cfg.help', 'pstn', 'gw_ip'), 'PSTN GW Address\n(parameter type is string)\n');
  assert.equal(await peer.kamcmd('cfg.help', 'pstn', 'gw_port'), '<null string>\n(parameter type is integer)\n');
  assert.equal(await peer.kamcmd('cfg.help', 'core', 'log_facility'), 'syslog facility, set by name (LOG_DAEMON, LOG_LOCAL0, ...)\n(parameter type is string)\n');
  assert.equal((await peer.json('cfg.help', 'core', 'debug')).body.result, '(parameter type is integer)');
  assert.match(await peer.kamcmd('cfg.help', 'pstn', 'nope'), /^error: 400 - Failed to get the variable description: unknown variable "nope"/);
  assert.equal(await peer.kamcmd('cfg.list', 'pstn'), 'pstn: gw_ip\npstn: gw_port\n');
  assert.deepEqual((await peer.json('cfg.list', 'pstn')).body.result, ['pstn: gw_ip', 'pstn: gw_port']);
});

test('cfg.set_delayed*, cfg.diff, cfg.commit, cfg.rollback over both transports; pending changes outlive the calls that made them', async () => {
  const peer = new CfgRpcPeer(frameworkOf('debug=2\npstn.gw_ip = "10.1.1.1"\n'));
  assert.equal(await peer.kamcmd('cfg.set_delayed_int', 'core', 'debug', '1'), '');
  const delayed = await peer.json('cfg.set_delayed_string', 'pstn', 'gw_ip', '10.9.9.9');
  assert.deepEqual([delayed.status, delayed.body], [200, { jsonrpc: '2.0', result: {}, id: 2 }]);
  assert.equal(
    await peer.kamcmd('cfg.diff'),
    '{\n\tgroup name: core\n\tvariable name: debug\n\told value: 2\n\tnew value: 1\n}\n{\n\tgroup name: pstn\n\tvariable name: gw_ip\n\told value: 10.1.1.1\n\tnew value: 10.9.9.9\n}\n',
  );
  assert.deepEqual((await peer.json('cfg.diff')).body.result, { 'group name': 'pstn', 'variable name': 'gw_ip', 'old value': '10.1.1.1', 'new value': '10.9.9.9' });
  assert.equal(await peer.kamcmd('cfg.get', 'pstn', 'gw_ip'), '10.1.1.1\n');
  assert.equal(await peer.kamcmd('cfg.commit'), '');
  assert.equal(await peer.kamcmd('cfg.get', 'pstn', 'gw_ip'), '10.9.9.9\n');
  assert.equal(await peer.kamcmd('cfg.get', 'core', 'debug'), '1\n');
  assert.equal(await peer.kamcmd('cfg.set_delayed', 'pstn', 'gw_ip', '7'), '');
  assert.equal(await peer.kamcmd('cfg.set_delayed', 'core', 'debug', 's:4'), '');
  assert.match(await peer.kamcmd('cfg.set_delayed_int', 'core', 'nope', '4'), /^error: 400 - Failed to set the variable: unknown variable "nope" in group core\n$/);
  assert.equal(await peer.kamcmd('cfg.diff'), '{\n\tgroup name: pstn\n\tvariable name: gw_ip\n\told value: 10.9.9.9\n\tnew value: 7\n}\n{\n\tgroup name: core\n\tvariable name: debug\n\told value: 1\n\tnew value: 4\n}\n');
  assert.equal(await peer.kamcmd('cfg.rollback'), '');
  assert.equal(await peer.kamcmd('cfg.diff'), '');
  assert.deepEqual((await peer.json('cfg.diff')).body.result, {});
  assert.equal(await peer.kamcmd('cfg.get', 'core', 'debug'), '1\n');
});

test('cfg.set over JSON-RPC: an int for an int variable, a string for a string variable', async () => {
  const peer = new CfgRpcPeer(frameworkOf('pstn.gw_ip = "10.1.1.1"\npstn.gw_port = 5060\n'));
  assert.deepEqual((await peer.json('cfg.set', 'pstn', 'gw_port', 5070)).body.result, {});
  assert.deepEqual((await peer.json('cfg.sets', 'pstn', 'gw_ip', '10.2.2.2')).body.result, {});
  assert.equal((await peer.json('cfg.get', 'pstn', 'gw_port')).body.result, 5070);
  assert.equal((await peer.json('cfg.get', 'pstn', 'gw_ip')).body.result, '10.2.2.2');
  const fault = await peer.json('cfg.seti', 'lab', 'nosuch', 1);
  assert.equal(fault.status, 400);
  assert.deepEqual(fault.body.error, { code: 400, message: 'Failed to set the variable: unknown group "lab"' });
});

test('group instances over RPC: add (idempotent), set, read, del, del_group_inst, and the faults', async () => {
  const peer = new CfgRpcPeer(frameworkOf('pstn.gw_ip = "10.1.1.1"\npstn.gw_port = 5060\n'));
  assert.equal(await peer.kamcmd('cfg.add_group_inst', 'pstn'), 'error: 400 - Wrong group syntax. Use "group[id]"\n');
  assert.equal(await peer.kamcmd('cfg.add_group_inst', 'nosuch[1]'), 'error: 400 - Failed to add the group instance: unknown group "nosuch"\n');
  assert.equal(await peer.kamcmd('cfg.add_group_inst', 'pstn[1]'), '');
  assert.equal(await peer.kamcmd('cfg.add_group_inst', 'pstn[1]'), '');
  assert.equal(await peer.kamcmd('cfg.sets', 'pstn[1]', 'gw_ip', '10.7.7.7'), '');
  assert.equal(await peer.kamcmd('cfg.sets', 'pstn', 'gw_ip', '10.8.8.8'), '');
  assert.equal(await peer.kamcmd('cfg.seti', 'pstn', 'gw_port', '5070'), '');
  assert.equal(await peer.kamcmd('cfg.get', 'pstn[1]'), '{\n\tgw_ip: 10.7.7.7\n\tgw_port: 5070\n}\n');
  assert.equal(await peer.kamcmd('cfg.set_delayed_string', 'pstn[1]', 'gw_ip', '10.6.6.6'), '');
  assert.equal(await peer.kamcmd('cfg.diff'), '{\n\tgroup name: pstn\n\tgroup id: 1\n\tvariable name: gw_ip\n\told value: 10.7.7.7\n\tnew value: 10.6.6.6\n}\n');
  assert.equal(await peer.kamcmd('cfg.rollback'), '');
  assert.equal(await peer.kamcmd('cfg.del', 'pstn', 'gw_ip'), 'error: 400 - Wrong group syntax. Use "group[id]"\n');
  assert.equal(await peer.kamcmd('cfg.del', 'pstn[1]', 'gw_ip'), '');
  assert.equal(await peer.kamcmd('cfg.get', 'pstn[1]', 'gw_ip'), '10.8.8.8\n');
  assert.equal(await peer.kamcmd('cfg.del_delayed', 'pstn[1]', 'gw_port'), '');
  assert.equal(await peer.kamcmd('cfg.del_group_inst', 'pstn[1]'), '');
  assert.equal(await peer.kamcmd('cfg.commit'), 'error: 400 - Failed to commit the changes: group instance pstn[1] does not exist\n');
  assert.equal(await peer.kamcmd('cfg.rollback'), '');
  assert.equal(await peer.kamcmd('cfg.del_group_inst', 'pstn[1]'), 'error: 400 - Failed to delete the group instance: group instance pstn[1] does not exist\n');
  assert.equal(await peer.kamcmd('cfg.seti', 'pstn[1]', 'gw_port', '1'), 'error: 400 - Failed to set the variable: group instance pstn[1] does not exist\n');
});

test('cfg.reset: start-up values, the str-variable refusal, unknown groups', async () => {
  const peer = new CfgRpcPeer(await labFramework());
  assert.equal(await peer.kamcmd('cfg.seti', 'core', 'debug', '4'), '');
  assert.equal(await peer.kamcmd('cfg.reset', 'core'), '');
  assert.equal(await peer.kamcmd('cfg.get', 'core', 'debug'), '2\n');
  assert.equal(await peer.kamcmd('cfg.reset', 'registrar'), 'error: 500 - Unsupported input type: registrar.realm_pref is a str variable, which cfg.reset does not handle in Kamailio 5.6.3\n');
  assert.equal(await peer.kamcmd('cfg.reset', 'nosuch'), 'error: 400 - Failed to get the variable description: unknown group "nosuch"\n');
});

test('the RPC process reads its own snapshot, refreshed at each call: a worker mid-message keeps the old one', async () => {
  const framework = await labFramework();
  const peer = new CfgRpcPeer(framework);
  const worker = framework.createWorker('udp receiver child=0');
  worker.beginUnit();
  assert.equal(await peer.kamcmd('cfg.sets', 'lab', 'greeting', 'hi'), '');
  assert.equal(await peer.kamcmd('cfg.get', 'lab', 'greeting'), 'hi\n');
  assert.equal(worker.get('lab', 'greeting'), 'hello');
  worker.beginUnit();
  assert.equal(worker.get('lab', 'greeting'), 'hi');
});
