import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PIPELINE_DEPTH } from '../src/batch/run-batch.js';
import { startBinrpcPeer, type BinrpcPeer } from './support/binrpc-peer.js';
import { labLikeMethods } from './support/lab-like-methods.js';
import { runMain } from './support/run-main.js';

describe('batch: commands on a non-terminal stdin', () => {
  let peer: BinrpcPeer;
  before(async () => {
    peer = await startBinrpcPeer({ ...labLikeMethods(), 'core.kill': () => 'hang up' }, { answerDelayMs: 1 });
  });
  after(() => peer.close());

  test('one reply per line, in input order, no prompt, no banner, no ANSI codes', async () => {
    const result = await runMain(['-s', peer.target], { input: 'core.version\n\n  core.echo a  b \r\nps\ncfg.get core debug' });
    assert.deepEqual(result, {
      status: 0,
      stdout: 'kamailio 5.6.3 (x86_64/linux) \na\nb\n100\tmain process - attendant\n101\tudp receiver child=0\n2\n',
      stderr: '',
    });
    assert.doesNotMatch(result.stdout, /\u001b|kamcmd>/);
  });

  test('1000 commands are pipelined on one connection and printed in order', async () => {
    const before = { connections: peer.connections, maxInFlight: peer.maxInFlight };
    peer.maxInFlight = 0;
    const input = Array.from({ length: 1000 }, (_, i) => `core.echo line${i}\n`).join('');
    const result = await runMain(['-s', peer.target], { input });
    assert.equal(result.status, 0);
    assert.equal(result.stdout, Array.from({ length: 1000 }, (_, i) => `line${i}\n`).join(''));
    assert.equal(peer.connections, before.connections + 1, 'one connection');
    assert.ok(peer.maxInFlight > 1 && peer.maxInFlight <= PIPELINE_DEPTH, `${peer.maxInFlight} requests in flight at most`);
  });

  test('faults go to stderr in their place and make the exit status 1; later lines still run', async () => {
    const result = await runMain(['-s', peer.target], { input: 'core.echo one\nno.such\ncore.echo two\n' });
    assert.deepEqual(result, { status: 1, stdout: 'one\ntwo\n', stderr: 'error: 500 - command no.such not found\n' });
  });

  test('quit and exit end the run: later lines are not sent', async () => {
    peer.requests.length = 0;
    const result = await runMain(['-s', peer.target], { input: 'core.echo one\nquit\ncore.echo two\n' });
    assert.deepEqual(result, { status: 0, stdout: 'one\n', stderr: '' });
    assert.deepEqual(peer.requests, ['core.echo']);
  });

  test('a transport failure stops the run with exit status 3 after the replies before it', async () => {
    const result = await runMain(['-s', peer.target], { input: 'core.echo one\ncore.kill\ncore.echo two\nno.such\n' });
    assert.equal(result.status, 3);
    assert.equal(result.stdout, 'one\n');
    assert.match(result.stderr, /^unix:.*: TransportError: connection closed by the server\n$/);
  });

  test('a dead socket: one line, exit status 3', async () => {
    const result = await runMain(['-s', `${peer.target}.gone`], { input: 'core.version\ncore.version\n' });
    assert.equal(result.status, 3);
    assert.match(result.stderr, /^unix:.*\.gone: TransportError: connect: no such socket or file \(ENOENT\)\n$/);
  });

  test('help and --json work line by line too', async () => {
    const help = await runMain(['-s', peer.target], { input: 'help ls\nhelp core.uptime\n' });
    assert.equal(help.stdout, 'ls is an alias for system.listMethods\nReturns uptime of SIP server.\n');
    const json = await runMain(['-s', peer.target, '--json'], { input: 'core.version\nno.such\n' });
    assert.equal(json.status, 1);
    const documents = json.stdout.trimEnd().split(/\n(?=[{"\[])/).map((text) => JSON.parse(text) as unknown);
    assert.deepEqual(documents, ['kamailio 5.6.3 (x86_64/linux) ', { error: { type: 'RpcFault', code: 500, message: 'command no.such not found', target: peer.target } }]);
  });
});
