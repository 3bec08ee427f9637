import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_TARGET } from '../src/options/kamcmd-options.js';
import { parseOptions } from '../src/options/parse-options.js';
import { UsageError } from '../src/options/usage-error.js';

const run = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
  const parsed = parseOptions(argv, env);
  assert.equal(parsed.action, 'run');
  return (parsed as Extract<typeof parsed, { action: 'run' }>).options;
};

describe('kamcmd options', () => {
  test('defaults: kamcmd 5.6.3 address, 30 s timeout, /tmp/ FIFO reply dir, nothing else', () => {
    const options = run([]);
    assert.equal(options.target, DEFAULT_TARGET);
    assert.equal(DEFAULT_TARGET, 'unixs:/var/run/kamailio//kamailio_ctl');
    assert.equal(options.timeoutMs, 30_000);
    assert.equal(options.fifoReplyDir, '/tmp/');
    assert.deepEqual(options.command, []);
    assert.equal(options.format, undefined);
    assert.equal(options.json, false);
  });

  test('$KAMCMD_SOCKET replaces the default, -s beats both', () => {
    assert.equal(run([], { KAMCMD_SOCKET: 'tcp:10.0.0.1:2049' }).target, 'tcp:10.0.0.1:2049');
    assert.equal(run(['-s', 'unix:/x'], { KAMCMD_SOCKET: 'tcp:10.0.0.1:2049' }).target, 'unix:/x');
  });

  test('getopt rules: values attached or separate, bundles, options after the method, --', () => {
    const options = run(['core.echo', '-sunix:/a', 'x', '-vvf', '%v\\n', '--', '-s', '-x']);
    assert.equal(options.target, 'unix:/a');
    assert.equal(options.verbose, 2);
    assert.equal(options.format, '%v\\n');
    assert.deepEqual(options.command, ['core.echo', 'x', '-s', '-x']);
  });

  test('after the method a negative number is an argument, before it an unknown option', () => {
    assert.deepEqual(run(['cfg.set_now_int', 'core', 'debug', '-1', '-0.5']).command, ['cfg.set_now_int', 'core', 'debug', '-1', '-0.5']);
    assert.throws(() => parseOptions(['-1', 'core.echo']), /unknown option -1/);
  });

  test('-R -D -t --json --kamcmd-compat --fifo-reply-dir', () => {
    const options = run(['-R', '/tmp/r', '-D', '/tmp/d', '-t', '0.25', '--json', '--kamcmd-compat', '--fifo-reply-dir=/run/k/', 'ls']);
    assert.equal(options.replySocketPath, '/tmp/r');
    assert.equal(options.replySocketDir, '/tmp/d');
    assert.equal(options.timeoutMs, 250);
    assert.equal(options.json, true);
    assert.equal(options.kamcmdCompat, true);
    assert.equal(options.fifoReplyDir, '/run/k/');
    assert.equal(run(['--fifo-reply-dir', '/a/', '--timeout', '2']).fifoReplyDir, '/a/');
    assert.equal(run(['-t', '0']).timeoutMs, 2 ** 31 - 1, '-t 0 waits as long as Node can');
  });

  test('-U: an address with neither protocol nor path is UDP', () => {
    assert.equal(run(['-U', '-s', 'sip.example.org']).target, 'udp:sip.example.org');
    assert.equal(run(['-U', '-s', 'sip.example.org:2050']).target, 'udp:sip.example.org:2050');
    assert.equal(run(['-U', '-s', '/run/ctl']).target, '/run/ctl');
    assert.equal(run(['-U', '-s', 'tcp:h:1']).target, 'tcp:h:1');
  });

  test('-h and -V win over everything else', () => {
    assert.deepEqual(parseOptions(['core.uptime', '-h']), { action: 'help' });
    assert.deepEqual(parseOptions(['-s', 'x', '--version']), { action: 'version' });
    assert.deepEqual(parseOptions(['-V']), { action: 'version' });
  });

  test('bad command lines are UsageErrors naming the problem', () => {
    const cases: Array<[string[], RegExp]> = [
      [['-x'], /unknown option -x/],
      [['--frobnicate'], /unknown option --frobnicate/],
      [['-s'], /option -s needs a value/],
      [['--fifo-reply-dir'], /option --fifo-reply-dir needs a value/],
      [['-t', 'soon'], /bad timeout "soon"/],
      [['-t', '-1'], /bad timeout "-1"/],
      [['--json=1'], /--json takes no value/],
      [['--json', '-f', '%v'], /--json and -f exclude each other/],
      [['-s', ''], /non-empty address/],
    ];
    for (const [argv, message] of cases) {
      assert.throws(() => parseOptions(argv), (error: unknown) => error instanceof UsageError && message.test(error.message), argv.join(' '));
    }
  });
});
