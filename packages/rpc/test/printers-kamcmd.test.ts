import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodePacket, decodeReply, type BinrpcValue, type RpcReplyPacket, type StructMember } from '@kamkit/binrpc';
import { formatKamcmdFault, formatKamcmdReply, KamcmdPrintError } from '../src/printers/index.js';
import { binrpcVectorNames, observed, vectorReplies, vectorTranscript } from './support/kamcmd-fixtures.js';

const int = (value: number): BinrpcValue => ({ type: 'int', value });
const dbl = (value: number): BinrpcValue => ({ type: 'double', value });
const str = (value: string): BinrpcValue => ({ type: 'str', value });
const struct = (...members: StructMember[]): BinrpcValue => ({ type: 'struct', members });
const array = (...items: BinrpcValue[]): BinrpcValue => ({ type: 'array', items });
const named = (name: string, value: BinrpcValue): StructMember => ({ name, value });
const unnamed = (value: BinrpcValue): StructMember => ({ value });

/** What kamcmd prints for one reply packet without `-f`. */
function print(reply: RpcReplyPacket): string {
  return reply.kind === 'fault' ? formatKamcmdFault(reply.code, reply.message) : formatKamcmdReply(reply.values);
}

/** kamcmd 1.5's interactive banner (protocol notes §3.6), printed before the first prompt. */
const BANNER = [
  'kamcmd 1.5',
  'Copyright 2006 iptelorg GmbH',
  'This is free software with ABSOLUTELY NO WARRANTY.',
  "For details type `warranty'.",
  '',
].join('\n');

/** A piped interactive session: readline echoes each line after the prompt; a last prompt with no newline. */
function session(turns: { line: string; printed: string }[]): string {
  return `${BANNER}${turns.map((turn) => `kamcmd> ${turn.line}\n${turn.printed}`).join('')}kamcmd> `;
}

describe('kamcmd printer against every BINRPC vector captured from kamailio 5.6.3', () => {
  const names = binrpcVectorNames();

  test('all 16 lab vectors are present', () => {
    assert.equal(names.length, 16);
  });

  for (const name of names.filter((n) => n !== 'repl_two_commands')) {
    test(`${name}: printed text equals kamcmd's stdout byte for byte`, () => {
      const transcript = vectorTranscript(name);
      const replies = vectorReplies(name);
      assert.equal(transcript.exitCode, 0);
      assert.equal(transcript.stderr, '');
      assert.equal(replies.length, 1, 'one-shot kamcmd reads exactly one reply');
      assert.equal(print(replies[0]!), transcript.stdout);
    });
  }

  test('repl_two_commands: the whole interactive stdout, of which only the typed commands print', () => {
    const transcript = vectorTranscript('repl_two_commands');
    const replies = vectorReplies('repl_two_commands');
    // The typed lines are those piped in: printf 'core.uptime\ncore.version\n' | kamcmd ...
    const piped = /^printf '([^']*)'/.exec(transcript.command)?.[1];
    assert.ok(piped !== undefined, transcript.command);
    const lines = piped.split('\\n').filter(Boolean);
    assert.deepEqual(lines, ['core.uptime', 'core.version']);
    // Start-up: system.listMethods, cfg.list, cnt.grps_list and cnt.var_list for each of the 10
    // counter groups fill readline's completion lists and are never printed. Then one reply per line.
    assert.equal(replies.length, 13 + lines.length);
    const startup = replies.slice(0, 13);
    assert.ok(startup.every((reply) => reply.kind === 'reply'));
    const typed = replies.slice(13);
    const expected = session(lines.map((line, i) => ({ line, printed: print(typed[i]!) })));
    assert.equal(transcript.stdout, expected);
    assert.equal(transcript.exitCode, 0);
  });
});

describe('kamcmd default layout on observed outputs (record trees built by hand)', () => {
  test('htable.dump: an unnamed struct inside a named one', () => {
    const entry = struct(named('name', str('alice')), named('value', int(1795330742)), named('type', str('int')));
    const reply = [struct(named('entry', int(989)), named('size', int(1)), named('slot', struct(unnamed(entry))))];
    assert.equal(formatKamcmdReply(reply), observed('kamcmd-basic.txt', 'htable.dump labreg').stdout);
  });

  test('core.psx: several top-level structs', () => {
    const processes = [
      'main process - attendant',
      ...[0, 1, 2, 3].map((child) => `udp receiver child=${child} sock=127.0.0.1:5060`),
      'slow timer',
      'timer',
      'secondary timer',
      'ctl handler',
      'JSONRPCS FIFO',
      'tcp receiver (generic) child=0',
      'tcp receiver (generic) child=1',
      'tcp main process',
    ];
    const reply = processes.map((dsc, idx) =>
      struct(named('IDX', int(idx)), named('PID', int(idx === 0 ? 3059 : 3061 + idx)), named('DSC', str(dsc))),
    );
    assert.equal(formatKamcmdReply(reply), observed('kamcmd-basic.txt', 'core.psx').stdout);
  });

  test('permissions.addressDump and cfg.diff (member names with spaces)', () => {
    const address = struct(
      named('table', int(98)),
      named('group', int(1)),
      named('item', struct(named('ip', str('127.0.0.1')), named('port', int(0)), named('tag', str('lab-loopback')))),
    );
    assert.equal(formatKamcmdReply([address]), observed('kamcmd-basic.txt', 'permissions.addressDump').stdout);
    const diff = struct(
      named('group name', str('lab')),
      named('variable name', str('enabled')),
      named('old value', int(1)),
      named('new value', int(0)),
    );
    assert.equal(formatKamcmdReply([diff]), observed('kamcmd-cfg.txt', 'cfg.diff').stdout);
  });

  test('ul.lookup: the double Q = 1.0 prints as 1, Methods 0xffffffff as -1', () => {
    const contact = struct(
      named('Address', str('sip:qtest@127.0.0.1:5099')),
      named('Expires', int(60)),
      named('Q', dbl(1)),
      named('Call-ID', str('dfjrewr12386fd6-343@kamailio.rpc')),
      named('CSeq', int(1)),
      named('User-Agent', str('kamailio SIP Router - RPC Server')),
      named('Received', str('[not set]')),
      named('Path', str('[not set]')),
      named('State', str('CS_NEW')),
      named('Flags', int(0)),
      named('CFlags', int(0)),
      named('Socket', str('[not set]')),
      named('Methods', int(0xffffffff)),
      named('Ruid', str('ulcx-6b0292b0-bfe-2')),
      named('Instance', str('[not set]')),
      named('Reg-Id', int(0)),
      named('Server-Id', int(0)),
      named('Tcpconn-Id', int(-1)),
      named('Keepalive', int(0)),
      named('Last-Keepalive', int(1795330761)),
      named('KA-Roundtrip', int(0)),
      named('Last-Modified', int(0)),
    );
    const reply = [struct(named('AoR', str('qtest@lab.local')), named('Contacts', struct(named('Contact', contact))))];
    const expected = observed('kamcmd-double-and-dbg-names.txt', 'ul.lookup location qtest@lab.local').stdout;
    assert.equal(formatKamcmdReply(reply), expected);
  });

  test('faults and plain values of the dbg.* names file', () => {
    const file = 'kamcmd-double-and-dbg-names.txt';
    assert.equal(formatKamcmdFault(500, 'command dbg.list not found'), observed(file, 'dbg.list').stdout);
    assert.equal(formatKamcmdFault(500, 'command dbg.mod_level not found'), observed(file, 'dbg.mod_level core 2').stdout);
    assert.equal(formatKamcmdReply([str('200 ok')]), observed(file, 'dbg.set_mod_level core 2').stdout);
    assert.equal(formatKamcmdReply([int(2)]), observed(file, 'dbg.get_mod_level core').stdout);
  });

  test('kamcmd-repl-stdin: an interactive session with a fault in the middle', () => {
    const transcript = observed('kamcmd-repl-stdin.txt', '| kamcmd -s tcp:127.0.0.1:2049');
    const uptime = struct(
      named('now', str('Sun Nov 22 06:59:12 2026')),
      named('up_since', str('Sun Nov 22 06:58:56 2026')),
      named('uptime', int(16)),
    );
    const expected = session([
      { line: 'core.uptime', printed: formatKamcmdReply([uptime]) },
      { line: 'core.version', printed: formatKamcmdReply([str('kamailio 5.6.3 (x86_64/linux) ')]) },
      { line: 'no.such', printed: formatKamcmdFault(500, 'command no.such not found') },
      { line: 'cfg.get lab enabled', printed: formatKamcmdReply([int(1)]) },
    ]);
    assert.equal(transcript.stdout, expected);
  });
});

describe('kamcmd default layout rules', () => {
  test('a top-level array: `[` after one tab, items one tab in, `]` in column 0', () => {
    assert.equal(formatKamcmdReply([array(int(1), str('a'))]), '\t[\n\t1\n\ta\n]\n');
  });

  test('arrays nested in arrays and in structs are not shifted left like struct starts', () => {
    assert.equal(formatKamcmdReply([array(array(int(1)))]), '\t[\n\t\t[\n\t\t1\n\t]\n]\n');
    assert.equal(formatKamcmdReply([struct(unnamed(array(int(7))))]), '{\n\t\t[\n\t\t7\n\t]\n}\n');
    assert.equal(formatKamcmdReply([array(struct(named('a', int(1))))]), '\t[\n\t{\n\t\ta: 1\n\t}\n]\n');
  });

  test('unnamed members print their bare value; an empty name still prints ": "', () => {
    const reply = [struct(unnamed(int(1)), unnamed(str('x')), named('', int(2)), named('s', struct()))];
    assert.equal(formatKamcmdReply(reply), '{\n\t1\n\tx\n\t: 2\n\ts: {\n\t}\n}\n');
  });

  test('the nested struct + array + double example of the protocol notes (§2.11), from its hex', () => {
    const hex =
      'a1132d12345678' +
      '03' + '35696400' + '1005' + '556e616d6500' + '31616200' + '257100' + '82fffffffffffffc18' +
      '556c69737400' + '03' + '1001' + '40fffffffe' + '83' + '83';
    const reply = decodeReply(decodePacket(Buffer.from(hex, 'hex')));
    assert.equal(print(reply), '{\n\tid: 5\n\tname: ab\n\tq: -1\n\tlist: {\n\t\t1\n\t\t-2\n\t}\n}\n');
  });

  test('an empty reply prints nothing', () => {
    assert.equal(formatKamcmdReply([]), '');
  });

  test('INT is a signed 32-bit %d', () => {
    assert.equal(formatKamcmdReply([int(-5), int(0x80000000), int(2 ** 32 + 3)]), '-5\n-2147483648\n3\n');
  });

  test('DOUBLE: integral values without decimals, others with %f', () => {
    const values = [1, -1, 0, -0, -(2 ** 63), 1.5, -1.25, 0.001, -0.0005, 2.0000005, 1234567.891, 2 ** 63, 1e300];
    const expected = [
      '1', '-1', '0', '0', '-9223372036854775808',
      '1.500000', '-1.250000', '0.001000', '-0.000500', '2.000001', '1234567.891000',
      // Beyond long long the cast no longer round-trips, so %f prints every integer digit.
      '9223372036854775808.000000', `${BigInt(1e300)}.000000`,
    ];
    assert.equal(formatKamcmdReply(values.map(dbl)), `${expected.join('\n')}\n`);
  });

  test('%f rounds the exact binary value, ties to even (glibc), not up (toFixed)', () => {
    // 0.0078125 and 0.0234375 are exact binary fractions with a 7th decimal of exactly 5.
    assert.equal(formatKamcmdReply([dbl(0.0078125), dbl(0.0234375), dbl(-1e-9)]), '0.007812\n0.023438\n-0.000000\n');
    assert.equal(formatKamcmdReply([dbl(Number.NaN), dbl(Infinity), dbl(-Infinity)]), 'nan\ninf\n-inf\n');
  });

  test('STR, BYTES and names stop at an embedded NUL, as printf("%.*s") does', () => {
    const reply = [
      str('ab\0cd'),
      { type: 'bytes', value: Uint8Array.from([0x68, 0x69, 0, 0x21]) } as BinrpcValue,
      struct(named('na\0me', str('v'))),
    ];
    assert.equal(formatKamcmdReply(reply), 'ab\nhi\n{\n\tna: v\n}\n');
  });

  test('records kamcmd itself refuses: partial output, then KamcmdPrintError', () => {
    const memberArray = [int(1), struct(named('ok', int(2)), named('list', array(int(3))))];
    assert.throws(
      () => formatKamcmdReply(memberArray),
      (error: unknown) =>
        error instanceof KamcmdPrintError && error.output === '1\n{\n\tok: 2\n' && error.recordIndex === 3,
    );
    assert.throws(
      () => formatKamcmdReply([int(1), { type: 'avp', value: 'x' }], '<%v>'),
      (error: unknown) => error instanceof KamcmdPrintError && error.output === '<1><\n' && error.recordIndex === 1,
    );
  });
});

describe('kamcmd -f formats', () => {
  test("observed: -f 'up %v s since %v\\n' core.uptime (lab quirk 11)", () => {
    const uptime = struct(
      named('now', str('Sun Nov 22 06:59:03 2026')),
      named('up_since', str('Sun Nov 22 06:58:56 2026')),
      named('uptime', int(7)),
    );
    // The shell line reads `-f up\ %v\ s\ since\ %v\\n`: kamcmd received a backslash and an `n`.
    const transcript = observed('kamcmd-basic.txt', '-f up\\ %v\\ s\\ since\\ %v\\\\n core.uptime');
    assert.equal(formatKamcmdReply([uptime], 'up %v s since %v\\n'), transcript.stdout);
    assert.equal(
      transcript.stdout,
      'up { s since now: Sun Nov 22 06:59:03 2026\nup up_since: Sun Nov 22 06:58:56 2026 s since uptime: 7\nup } s since \n',
    );
  });

  test('§3.4: leftovers print with empty values after the last record', () => {
    assert.equal(formatKamcmdReply([], 'a=%v b=%v\\n'), 'a= b=\n');
    assert.equal(formatKamcmdReply([int(1), int(2), int(3)], 'a=%v b=%v\\n'), 'a=1 b=2\na=3 b=\n');
    assert.equal(formatKamcmdReply([int(1), int(2)], 'a=%v b=%v\\n'), 'a=1 b=2\n');
  });

  test('§3.4 quirk: a format without %v is printed whole before each value', () => {
    assert.equal(formatKamcmdReply([int(1), int(2)], 'x\\n'), 'x\n1x\n2');
    assert.equal(formatKamcmdReply([], 'x\\n'), 'x\n');
    assert.equal(formatKamcmdReply([int(1), int(2)], ''), '12');
  });

  test('escapes \\n \\r \\t \\\\ are processed, any other backslash is kept', () => {
    assert.equal(formatKamcmdReply([str('v')], '\\t%v\\r\\n\\\\\\q\\'), '\tv\r\n\\\\q\\');
  });

  test('%% is one %, so %%v prints a literal %v', () => {
    assert.equal(formatKamcmdReply([int(5)], '100%% %v%%\\n'), '100% 5%\n');
    assert.equal(formatKamcmdReply([int(5)], '%%v'), '%v5');
    assert.equal(formatKamcmdReply([], '%%v'), '%v');
  });

  test('struct and array markers are records; members print name: value; no indentation', () => {
    const reply = [struct(named('a', int(1)), named('b', struct(unnamed(str('x'))))), array(dbl(1.5))];
    assert.equal(formatKamcmdReply(reply, '%v|'), '{|a: 1|b: {|x|}|}|[|1.500000|]|');
  });

  test('a stray % (kamcmd would spin forever) is printed literally', () => {
    assert.equal(formatKamcmdReply([int(1)], '%d %v %'), '%d 1 %');
  });

  test('faults always use the built-in format "error: %v - %v\\n"', () => {
    assert.equal(formatKamcmdFault(500, 'command no.such.method not found'), 'error: 500 - command no.such.method not found\n');
    assert.equal(formatKamcmdFault(-1, ''), 'error: -1 - \n');
    assert.equal(formatKamcmdFault(400, 'bad\0tail'), 'error: 400 - bad\n');
  });
});
