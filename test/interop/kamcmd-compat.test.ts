// Our kamcmd against the REAL kamcmd 5.6.3, both talking to the real Kamailio 5.6.3 lab: the same
// command must print the same bytes. Values that move between two calls are normalised, each
// by a named rule that touches only them.
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { kamcmd, readLabEnv, registerUser, run, type RunResult } from '../harness/index.mjs';

const env = readLabEnv();
const BIN = fileURLToPath(new URL('../../../packages/kamcmd/dist/src/bin/kamcmd.js', import.meta.url));

/** Our kamcmd, with `-s address` first as the harness passes it to the real one. */
function ours(args: readonly string[], options: { address?: string; input?: string; timeoutMs?: number } = {}): Promise<RunResult> {
  return run(process.execPath, [BIN, '-s', options.address ?? env.ctlSocket, ...args], {
    timeoutMs: options.timeoutMs ?? 60_000,
    ...(options.input === undefined ? {} : { input: options.input }),
  });
}

type Normalise = (text: string) => string;

const KEEP: Normalise = (text) => text;
/** core.uptime: the clock and the seconds since start tick between the two calls. */
const UPTIME: Normalise = (text) =>
  text.replace(/now: \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}/g, 'now: <clock>').replace(/uptime: \d+/g, 'uptime: <seconds>');
/** usrloc: the seconds a contact has left count down. */
const EXPIRES: Normalise = (text) => text.replace(/^(\t+Expires: )\d+$/gm, '$1<seconds>');
/**
 * dispatcher: a destination's FLAGS follow the OPTIONS probing (AX right after a reload, then AP,
 * or IP for the one nobody answers), which may move between the two calls.
 */
const PROBING: Normalise = (text) => text.replace(/^(\t+FLAGS: )[AIDTP][PX]?$/gm, '$1<probing state>');
/**
 * stats: the counters the lab's own traffic moves (dispatcher OPTIONS pings every 10 s, answered
 * by the lab itself), shared memory use, and the TCP connections open at that moment.
 */
const TICKING_STATS: Normalise = (text) =>
  text.replace(/^((?:core:(?:rcv|fwd)_\w+|sl:\w+|tmx:\w+|script:lab_requests|shmem:\w+|tcp:current_\w+) = )\d+$/gm, '$1<n>');

/** stats.fetch/fetchn print the same ticking statistics as `\tgroup.name: value` members. */
const TICKING_FETCHED: Normalise = (text) =>
  text.replace(/^(\t(?:core\.(?:rcv|fwd)_\w+|sl\.\w+|tmx\.\w+|script\.lab_requests|shmem\.\w+|tcp\.current_\w+): )\d+$/gm, '$1<n>');

interface Case {
  args: string[];
  normalise?: Normalise;
  address?: string;
}

/** Successful commands: same stdout, nothing on stderr, exit status 0 for both. */
const SAME_OUTPUT: Case[] = [
  { args: ['core.version'] },
  { args: ['core.uptime'], normalise: UPTIME },
  { args: ['core.psx'] },
  { args: ['core.ps'] },
  { args: ['ps'] },
  { args: ['psx'] },
  { args: ['ls'] },
  { args: ['list'] },
  { args: ['ver'] },
  { args: ['version'] },
  { args: ['who'] },
  { args: ['listen'] },
  { args: ['system.listMethods'] },
  { args: ['system.methodHelp', 'core.uptime'] },
  { args: ['cfg.list'] },
  { args: ['cfg.help', 'core', 'debug'] },
  { args: ['cfg.help', 'lab', 'enabled'] },
  { args: ['cfg.get', 'core', 'debug'] },
  { args: ['cfg.get', 'lab', 'greeting'] },
  { args: ['cfg.diff'] },
  { args: ['cnt.grps_list'] },
  { args: ['cnt.var_list', 'script'] },
  { args: ['stats.get_statistics', 'all'], normalise: TICKING_STATS },
  { args: ['stats.get_statistics', 'usrloc:'] },
  { args: ['stats.fetch', 'all'], normalise: TICKING_FETCHED },
  { args: ['stats.fetchn', 'all'], normalise: TICKING_FETCHED },
  { args: ['stats.fetchn', 'shmem:'], normalise: TICKING_FETCHED },
  { args: ['stats.fetch', 'usrloc:', 'core.rcv_requests', 'registrar:max_contacts', 'nosuch', 'dns.slow_dns_request'], normalise: TICKING_FETCHED },
  { args: ['dbg.ls'] },
  { args: ['dbg.get_mod_level', 'core'] },
  { args: ['dispatcher.list'], normalise: PROBING },
  { args: ['ul.dump'], normalise: EXPIRES },
  { args: ['ul.dump', 'brief'] },
  { args: ['ul.lookup', 'location', `kc-dave@${env.domain}`], normalise: EXPIRES },
  { args: ['htable.listTables'] },
  { args: ['htable.dump', 'lab'] },
  { args: ['permissions.addressDump'] },
  { args: ['core.modules'] },
  { args: ['core.info'] },
  { args: ['core.sockets_list'] },
  { args: ['core.echo', 'hello', '42', 's:42', '""'] },
  { args: ['core.echo', 'abc', '1.5', 'xyz'] },
  { args: ['--', 'core.echo', '-5', 's:7', 'abc'] },
  { args: ['help'] },
  { args: ['help', 'core.uptime'] },
  { args: ['help', 'ps'] },
  { args: ['help', 'dns_debug_all'] },
  { args: ['?', 'quit'] },
  { args: ['-v', 'core.version'] },
  // -f formats: cyclic, with struct markers, with no %v at all, and with values left over.
  { args: ['-f', 'up %v s since %v\\n', 'core.uptime'], normalise: UPTIME },
  { args: ['-f', '%v:%v\\n', 'cfg.get', 'core', 'debug'] },
  { args: ['-f', '[%v]\\t', 'system.listMethods'] },
  { args: ['-f', 'x\\n', 'core.echo', '1', '2'] },
  { args: ['-f', 'a=%v b=%v\\n', 'core.echo', '1', '2', '3'] },
  { args: ['-f', '%v %% %v\\n', 'ps'] },
  { args: ['-f', '%v|', 'dbg.ls'] },
  { args: ['-f', '%v\\n', 'ul.dump', 'brief'] },
  // Every BINRPC transport kamcmd has.
  { args: ['core.psx'], address: env.binrpcTcp },
  { args: ['cfg.list'], address: env.binrpcUdp },
  { args: ['dispatcher.list'], address: env.ctlUnixd, normalise: PROBING },
];

/** Faults: kamcmd prints them on stdout and exits 0; we print the same line on stderr and exit 1. */
const FAULTS: string[][] = [
  ['no.such.method'],
  ['dst_blacklist_mem_info'],
  ['dns_mem_info'],
  ['system.methodSignature', 'core.echo'],
  ['help', 'no.such'],
  ['cfg.get', 'lab', 'nosuchvar'],
  ['cfg.set_now_int', 'lab'],
  ['cfg.set_now_int', 'lab', 'enabled', 'abc'],
  ['ul.lookup', 'location', `nosuch@${env.domain}`],
  ['ul.lookup', 'nosuchtable', `kc-dave@${env.domain}`],
  ['dbg.bp', 'show', '1'],
  ['stats.fetch'],
  ['stats.fetchn', '5'],
];

function assertSameRun(name: string, theirs: RunResult, mine: RunResult, normalise: Normalise): void {
  assert.equal(theirs.code, 0, `real kamcmd ${name}: ${theirs.stderr}`);
  assert.equal(mine.stderr, '', `${name}: stderr`);
  assert.equal(mine.code, 0, `${name}: exit status`);
  assert.equal(normalise(mine.stdout), normalise(theirs.stdout), name);
}

describe('kamcmd: our output equals the real kamcmd 5.6.3 byte for byte', () => {
  before(async () => {
    // A lab kept from an earlier run may still hold this AoR's contacts (max_contacts is 10).
    await ours(['ul.rm', 'location', `kc-dave@${env.domain}`]);
    await registerUser(env, { user: 'kc-dave', password: 'kc-dave-secret', contacts: 3 });
  });

  test(`${SAME_OUTPUT.length} commands print the same reply`, async () => {
    for (const { args, normalise = KEEP, address } of SAME_OUTPUT) {
      const options = address === undefined ? {} : { address };
      const name = `${address ?? ''} ${args.join(' ')}`;
      // Ours right after theirs, so that little can change in between.
      const theirs = await kamcmd(env, args, options);
      const mine = await ours(args, options);
      assertSameRun(name, theirs, mine, normalise);
    }
  });

  test(`${FAULTS.length} faults: kamcmd's line, on stderr with exit status 1 (on stdout with 0 under --kamcmd-compat)`, async () => {
    for (const args of FAULTS) {
      const theirs = await kamcmd(env, args);
      assert.equal(theirs.code, 0);
      assert.match(theirs.stdout, /^error: -?\d+ - .*\n$/, `real kamcmd ${args.join(' ')}`);
      const mine = await ours(args);
      assert.deepEqual({ code: mine.code, stdout: mine.stdout, stderr: mine.stderr }, { code: 1, stdout: '', stderr: theirs.stdout }, args.join(' '));
      const compat = await ours(['--kamcmd-compat', ...args]);
      assert.deepEqual({ code: compat.code, stdout: compat.stdout, stderr: compat.stderr }, { code: 0, stdout: theirs.stdout, stderr: '' }, `--kamcmd-compat ${args.join(' ')}`);
    }
  });

  test('JSON-RPC and XML-RPC replies print as kamcmd prints the BINRPC ones (string lists, scalars)', async () => {
    for (const address of [env.jsonrpcHttp, env.xmlrpcHttp]) {
      for (const args of [['system.listMethods'], ['cfg.list'], ['core.version'], ['cfg.get', 'core', 'debug'], ['-f', '%v;', 'cnt.grps_list']]) {
        const theirs = await kamcmd(env, args);
        const mine = await ours(args, { address });
        assertSameRun(`${address} ${args.join(' ')}`, theirs, mine, KEEP);
      }
    }
    const theirs = await kamcmd(env, ['core.version']);
    const overFifo = await run(process.execPath, [BIN, '-s', `fifo:${env.rpcFifo}`, '--fifo-reply-dir', env.fifoReplyDir, 'core.version']);
    assertSameRun('fifo core.version', theirs, overFifo, KEEP);
    const overUnixd = await ours(['-D', env.workDir, 'core.version'], { address: env.ctlUnixd });
    assertSameRun('unixd -D core.version', theirs, overUnixd, KEEP);
    const replySocket = `${env.workDir}/kamcmd-reply.sock`;
    const atReplyPath = await ours(['-R', replySocket, 'core.version'], { address: env.ctlUnixd });
    assertSameRun('unixd -R core.version', theirs, atReplyPath, KEEP);
    assert.ok(!existsSync(replySocket), 'the reply socket is removed afterwards');
  });

  test('piped commands print what kamcmd prints for the same lines, minus its banner and prompts', async () => {
    const lines = ['core.version', 'cfg.get lab enabled', 'ps', 'cfg.list', 'dbg.ls'];
    const input = `${lines.join('\n')}\n`;
    const theirs = await kamcmd(env, [], { input });
    // kamcmd's interactive mode on a pipe: a 4-line banner, then each line echoed after the
    // "kamcmd> " prompt before its reply, and a last prompt.
    let replies = theirs.stdout.split('\n').slice(4).join('\n');
    for (const line of lines) replies = replies.replace(`kamcmd> ${line}\n`, '');
    replies = replies.replace(/kamcmd> $/, '');
    const mine = await ours([], { input });
    assert.equal(mine.code, 0, mine.stderr);
    assert.equal(mine.stdout, replies);
  });
});

describe('kamcmd: large replies have no cap', () => {
  const AORS = 625;
  const PER_AOR = 16;
  after(async () => {
    const input = Array.from({ length: AORS }, (_, a) => `ul.rm location kc-big${a}@${env.domain}\n`).join('');
    await ours([], { input });
  });

  test('ul.dump with 10,000 contacts prints completely (the real kamcmd says "reply too big")', async () => {
    // 10,000 ul.add lines piped at once: also shows the batch mode against the real server.
    const adds: string[] = [];
    for (let a = 0; a < AORS; a++) {
      for (let c = 0; c < PER_AOR; c++) adds.push(`ul.add location kc-big${a}@${env.domain} sip:kc-big${a}-${c}@127.0.0.1:5070 3600 1.0 . 0 0 0\n`);
    }
    const added = await ours([], { input: adds.join('') });
    assert.deepEqual({ code: added.code, stdout: added.stdout, stderr: added.stderr }, { code: 0, stdout: '', stderr: '' });

    const dump = await ours(['ul.dump']);
    assert.equal(dump.code, 0, dump.stderr);
    const bigContacts = dump.stdout.match(/^\t+Address: sip:kc-big\d+-\d+@127\.0\.0\.1:5070$/gm) ?? [];
    assert.equal(bigContacts.length, AORS * PER_AOR);
    assert.equal(new Set(bigContacts).size, AORS * PER_AOR);
    assert.ok(dump.stdout.length > 4 * 1024 * 1024, `${dump.stdout.length} bytes`);
    assert.ok(dump.stdout.endsWith('\t\t}\n\t}\n}\n'), 'the reply is printed to its end');

    const theirs = await kamcmd(env, ['ul.dump']);
    assert.equal(theirs.code, 255);
    assert.equal(theirs.stdout, '');
    assert.match(theirs.stderr, /reply too big/);
  });
});

describe('kamcmd: bad input against the real server', () => {
  test('permission denied on the ctl socket (mode 0600, client run as nobody): one line, exit status 3', async () => {
    const asNobody = ['--reuid=nobody', '--regid=nogroup', '--clear-groups'];
    const mine = await run('setpriv', [...asNobody, process.execPath, BIN, '-s', env.ctlSocket, 'core.version']);
    assert.equal(mine.code, 3, mine.stderr);
    assert.equal(mine.stdout, '');
    assert.equal(mine.stderr, `${env.ctlSocket}: TransportError: connect: permission denied (EACCES)\n`);
    const theirs = await run('setpriv', [...asNobody, env.bin.kamcmd, '-s', env.ctlSocket, 'core.version']);
    assert.equal(theirs.code, 255, 'the real kamcmd fails too');
  });

  test('an unknown method, a missing argument, a wrong type: the server\'s fault, exit status 1', async () => {
    for (const [args, line] of [
      [['no.such.method'], 'error: 500 - command no.such.method not found\n'],
      [['cfg.set_now_int', 'lab', 'enabled'], 'error: 400 - error at parameter 2: expected integer type but end of packet encountered\n'],
      [['cfg.set_now_string', 'lab', 'enabled', '7'], "error: 400 - error at parameter 2: expected string type but record doesn't match type\n"],
    ] as const) {
      const mine = await ours(args);
      assert.deepEqual({ code: mine.code, stdout: mine.stdout, stderr: mine.stderr }, { code: 1, stdout: '', stderr: line });
    }
  });

  test('a dead socket and a peer that never answers: one line each, exit status 3', async () => {
    const dead = await ours(['core.version'], { address: `unix:${env.workDir}/no-such-socket` });
    assert.deepEqual({ code: dead.code, stdout: dead.stdout }, { code: 3, stdout: '' });
    assert.equal(dead.stderr, `unix:${env.workDir}/no-such-socket: TransportError: connect: no such socket or file (ENOENT)\n`);
    // A UDP socket that takes requests and never replies (the real kamcmd would wait forever).
    const silent = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
    try {
      const address = `udp:127.0.0.1:${silent.address().port}`;
      const timedOut = await ours(['-t', '0.3', 'core.version'], { address });
      assert.deepEqual({ code: timedOut.code, stdout: timedOut.stdout, stderr: timedOut.stderr }, { code: 3, stdout: '', stderr: `${address}: TimeoutError: no reply within 300 ms\n` });
    } finally {
      silent.close();
    }
  });
});
