import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { avp, int, str, struct } from '@kamkit/binrpc';
import { startBinrpcPeer, type BinrpcPeer } from './support/binrpc-peer.js';
import { labLikeMethods } from './support/lab-like-methods.js';
import { runMain } from './support/run-main.js';

const UPTIME = '{\n\tnow: Sun Nov 22 06:59:02 2026\n\tup_since: Sun Nov 22 06:58:56 2026\n\tuptime: 6\n}\n';

describe('one-shot: kamcmd METHOD ARGS...', () => {
  let peer: BinrpcPeer;
  before(async () => {
    peer = await startBinrpcPeer({
      ...labLikeMethods(),
      'ul.dump': () => ({
        // 10,000 contacts in one reply: far past kamcmd's 128 KiB limit.
        values: [
          struct([
            {
              name: 'Contacts',
              value: struct(Array.from({ length: 10_000 }, (_, i) => ({ name: 'Contact', value: struct([{ name: 'Address', value: str(`sip:u${i}@127.0.0.1:5060`) }, { name: 'Expires', value: int(3600) }]) }))),
            },
          ]),
        ],
      }),
      'dbg.bp': () => 'silence',
      // A member name outside any struct: kamcmd's reader gives up on such a record.
      'odd.reply': () => ({ values: [str('before'), avp('stray'), str('after')] }),
    });
  });
  after(() => peer.close());

  test('prints the reply in kamcmd\'s default layout, exit 0', async () => {
    assert.deepEqual(await runMain(['-s', peer.target, 'core.uptime']), { status: 0, stdout: UPTIME, stderr: '' });
  });

  test('-f formats, alias formats, -f over an alias format', async () => {
    assert.equal((await runMain(['-s', peer.target, '-f', 'up %v s since %v\\n', 'core.uptime'])).stdout, 'up { s since now: Sun Nov 22 06:59:02 2026\nup up_since: Sun Nov 22 06:58:56 2026 s since uptime: 6\nup } s since \n');
    assert.equal((await runMain(['-s', peer.target, 'ps'])).stdout, '100\tmain process - attendant\n101\tudp receiver child=0\n');
    assert.equal((await runMain(['-s', peer.target, '-f', '%v|', 'ps'])).stdout, '100|main process - attendant|101|udp receiver child=0|');
  });

  test('arguments are typed as kamcmd types them; -- lets "-5" through', async () => {
    const result = await runMain(['-s', peer.target, '--', 'core.echo', '-5', 's:7', 'abc', '1.5']);
    assert.equal(result.stdout, '-5\n7\nabc\n1.5\n');
  });

  test('a fault: kamcmd\'s text on stderr, exit 1; --kamcmd-compat: stdout and 0, as kamcmd', async () => {
    assert.deepEqual(await runMain(['-s', peer.target, 'no.such']), { status: 1, stdout: '', stderr: 'error: 500 - command no.such not found\n' });
    assert.deepEqual(await runMain(['-s', peer.target, '--kamcmd-compat', 'no.such']), { status: 0, stdout: 'error: 500 - command no.such not found\n', stderr: '' });
  });

  test('-v: a "." line after each reply, faults included', async () => {
    assert.equal((await runMain(['-s', peer.target, '-v', 'core.version'])).stdout, 'kamailio 5.6.3 (x86_64/linux) \n.\n');
    assert.equal((await runMain(['-s', peer.target, '-v', '--kamcmd-compat', 'x.y'])).stdout, 'error: 500 - command x.y not found\n.\n');
    const timed = await runMain(['-s', peer.target, '-vv', 'core.version']);
    assert.match(timed.stderr, /^core\.version: \d+\.\d{3} ms\n$/);
  });

  test('--json: one JSON document per reply, and per fault', async () => {
    const reply = await runMain(['-s', peer.target, '--json', 'core.uptime']);
    assert.deepEqual(JSON.parse(reply.stdout), { now: 'Sun Nov 22 06:59:02 2026', up_since: 'Sun Nov 22 06:58:56 2026', uptime: 6 });
    const fault = await runMain(['-s', peer.target, '--json', 'no.such']);
    assert.equal(fault.status, 1);
    assert.deepEqual(JSON.parse(fault.stdout), { error: { type: 'RpcFault', code: 500, message: 'command no.such not found', target: peer.target } });
  });

  test('built-ins: help, help WORD (alias, built-in, method), warranty, quit', async () => {
    const index = (await runMain(['-s', peer.target, 'help'])).stdout;
    assert.ok(index.startsWith('cfg.get\ncfg.help\n'), index);
    assert.ok(index.includes('\nalias: ps\n') && index.endsWith('builtin: license\n'), index);
    assert.equal((await runMain(['-s', peer.target, 'help', 'ps'])).stdout, 'ps is an alias for core.ps with reply formatting: "%v\\t%v\\n"\n');
    assert.equal((await runMain(['-s', peer.target, '?', 'quit'])).stdout, 'builtin command: exits kamcmd\n');
    assert.equal((await runMain(['-s', peer.target, 'help', 'core.uptime'])).stdout, 'Returns uptime of SIP server.\n');
    assert.deepEqual(await runMain(['-s', peer.target, 'help', 'nope']), { status: 1, stdout: '', stderr: 'error: 500 - command not found\n' });
    assert.match((await runMain(['-s', peer.target, 'warranty'])).stdout, /NO WARRANTY/);
    assert.deepEqual(await runMain(['-s', peer.target, 'quit']), { status: 0, stdout: '', stderr: '' });
  });

  test('a reply of 10,000 contacts prints completely (kamcmd stops at 128 KiB)', async () => {
    const { status, stdout } = await runMain(['-s', peer.target, 'ul.dump']);
    assert.equal(status, 0);
    assert.ok(stdout.length > 128 * 1024, `${stdout.length} bytes`);
    assert.equal(stdout.match(/^\t\tContact: \{$/gm)?.length, 10_000);
    assert.ok(stdout.includes('\t\t\tAddress: sip:u9999@127.0.0.1:5060\n\t\t\tExpires: 3600\n\t\t}\n\t}\n}\n'));
  });

  test('bad input: one line on stderr naming the problem and the right exit status', async () => {
    const cases: Array<[string[], number, RegExp]> = [
      [['-s', peer.target, '-x'], 2, /^kamcmd: unknown option -x \(kamcmd -h shows the options\)\n$/],
      [['-s', 'badproto:foo', 'core.uptime'], 2, /^kamcmd: unknown protocol "badproto" in target badproto:foo/],
      [['-s', `${peer.path}.gone`, 'core.uptime'], 3, /^.*\.gone: TransportError: connect: no such socket or file \(ENOENT\)\n$/],
      [['-s', 'tcp:127.0.0.1:1', 'core.uptime'], 3, /^tcp:127\.0\.0\.1:1: TransportError: connect: connection refused \(ECONNREFUSED\)\n$/],
      [['-s', peer.target, '-t', '0.2', 'dbg.bp'], 3, /^unix:.*: TimeoutError: no reply within 200 ms\n$/],
    ];
    for (const [argv, status, stderr] of cases) {
      const result = await runMain(argv);
      assert.equal(result.status, status, argv.join(' '));
      assert.match(result.stderr, stderr);
      assert.equal(result.stderr.split('\n').length, 2, `one line: ${result.stderr}`);
      assert.equal(result.stdout, '');
    }
  });

  test('a reply kamcmd cannot print: what it would print, then why it stopped, exit status 3', async () => {
    const result = await runMain(['-s', peer.target, 'odd.reply']);
    assert.equal(result.status, 3);
    assert.equal(result.stdout, 'before\n');
    assert.match(result.stderr, /^unix:.*: KamcmdPrintError: while parsing the record 1: bad record \(member name outside a struct member\)\n$/);
  });

  test('a wrong argument count or type is the server\'s fault, shown as such', async () => {
    const result = await runMain(['-s', peer.target, 'cfg.get', '5', 'debug']);
    assert.deepEqual(result, { status: 1, stdout: '', stderr: 'error: 400 - Failed to get the variable\n' });
  });
});
