import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  decodeHeader,
  decodePacket,
  decodeRecords,
  encodeHeader,
  encodeRecord,
  encodeRecords,
  encodeRequest,
  FrameParser,
  PacketTooLargeError,
  PacketType,
  ProtocolError,
  type BinrpcValue,
} from '../src/index.js';

const hex = (data: Uint8Array) => Buffer.from(data).toString('hex');

describe('record encoding (control-protocols.md §2.3 examples)', () => {
  const cases: [string, BinrpcValue, string][] = [
    ['int 0', { type: 'int', value: 0 }, '00'],
    ['int 7', { type: 'int', value: 7 }, '1007'],
    ['int 0x1234', { type: 'int', value: 0x1234 }, '201234'],
    ['int -1', { type: 'int', value: -1 }, '40ffffffff'],
    ['int -5', { type: 'int', value: -5 }, '40fffffffb'],
    ['int 128 (zero-extended read)', { type: 'int', value: 128 }, '1080'],
    ['empty string', { type: 'str', value: '' }, '1100'],
    ['6 chars', { type: 'str', value: 'abcdef' }, '7161626364656600'],
    ['7 chars', { type: 'str', value: 'abcdefg' }, '9108616263646566670' + '0'],
    ['double 1.5', { type: 'double', value: 1.5 }, '2205dc'],
    ['double 3.0', { type: 'double', value: 3 }, '220bb8'],
    ['double -1.25', { type: 'double', value: -1.25 }, '82fffffffffffffb1e'],
    ['double -1', { type: 'double', value: -1 }, '82fffffffffffffc18'],
    ['bytes', { type: 'bytes', value: Uint8Array.from([1, 2, 3]) }, '36010203'],
    ['avp', { type: 'avp', value: 'id' }, '35696400'],
    ['empty struct', { type: 'struct', members: [] }, '0383'],
    ['empty array', { type: 'array', items: [] }, '0484'],
  ];
  for (const [label, value, expected] of cases) {
    test(label, () => {
      assert.equal(hex(encodeRecord(value)), expected);
      assert.deepEqual(decodeRecords(Buffer.from(expected, 'hex')), [value]);
    });
  }

  test('double 0.0005 truncates to 0 (three decimals, fixed point)', () => {
    assert.equal(hex(encodeRecord({ type: 'double', value: 0.0005 })), '02');
    assert.equal(hex(encodeRecord({ type: 'double', value: 1.0019 })), '2203e9');
  });

  test('a 255-character string takes a 2-byte length', () => {
    const encoded = encodeRecord({ type: 'str', value: 'x'.repeat(255) });
    assert.equal(hex(encoded.subarray(0, 3)), 'a10100');
    assert.equal(encoded.length, 3 + 256);
  });

  test('65535 bytes take a 2-byte length', () => {
    const encoded = encodeRecord({ type: 'bytes', value: new Uint8Array(65535) });
    assert.equal(hex(encoded.subarray(0, 3)), 'a6ffff');
  });

  test('non-minimal int encodings are accepted', () => {
    assert.deepEqual(decodeRecords(Buffer.from('90012a', 'hex')), [{ type: 'int', value: 42 }]);
    assert.deepEqual(decodeRecords(Buffer.from('a000012a', 'hex')), [{ type: 'int', value: 42 }]);
  });

  test('the nested example of §2.11 (struct, 8-byte double, array as struct of unnamed values)', () => {
    const value: BinrpcValue = {
      type: 'struct',
      members: [
        { name: 'id', value: { type: 'int', value: 5 } },
        { name: 'name', value: { type: 'str', value: 'ab' } },
        { name: 'q', value: { type: 'double', value: -1 } },
        {
          name: 'list',
          value: {
            type: 'struct',
            members: [{ value: { type: 'int', value: 1 } }, { value: { type: 'int', value: -2 } }],
          },
        },
      ],
    };
    const body = '03356964001005556e616d650031616200257100' + '82fffffffffffffc18' + '556c697374000310014' + '0fffffffe8383';
    assert.equal(hex(encodeRecord(value)), body);
    assert.deepEqual(decodeRecords(Buffer.from(body, 'hex')), [value]);
  });
});

describe('packet header', () => {
  test('the core.echo request of §2.11', () => {
    const packet = encodeRequest('core.echo', [{ type: 'str', value: 'abc' }, { type: 'int', value: 42 }], 0x12345678);
    assert.equal(hex(packet), 'a1031312345678910a636f72652e6563686f0041616263001' + '02a');
  });

  test('the fault of §2.11', () => {
    const body = encodeRecords([
      { type: 'int', value: 500 },
      { type: 'str', value: 'command nosuch.cmd not found' },
    ]);
    assert.equal(hex(encodeHeader(PacketType.Fault, body.length, 0x12345678)), 'a1332212345678');
  });

  test('an empty reply and a reply cookie re-encoded minimally', () => {
    assert.equal(hex(encodeHeader(PacketType.Reply, 0, 0x12345678)), 'a11300' + '12345678');
    assert.equal(hex(encodeHeader(PacketType.Reply, 0, 5)), 'a1100005');
    assert.equal(hex(encodeHeader(PacketType.Reply, 300, 1)), 'a114012c01');
  });

  test('decodeHeader waits for more bytes, then reads any field width', () => {
    assert.equal(decodeHeader(Buffer.from('a1', 'hex')), null);
    assert.equal(decodeHeader(Buffer.from('a11f00', 'hex')), null);
    assert.deepEqual(decodeHeader(Buffer.from('a11f0000000500000007', 'hex')), {
      type: PacketType.Reply,
      bodyLength: 5,
      cookie: 7,
      headerLength: 10,
    });
  });

  test('bad magic and unknown packet types are ProtocolErrors', () => {
    assert.throws(() => decodeHeader(Buffer.from('b1', 'hex')), ProtocolError);
    assert.throws(() => decodeHeader(Buffer.from('a12000', 'hex')), ProtocolError);
  });

  test('a body over the limit is refused with PacketTooLargeError', () => {
    const header = encodeHeader(PacketType.Reply, 70000, 1);
    assert.throws(() => decodeHeader(header, 65535), PacketTooLargeError);
    assert.throws(() => new FrameParser({ maxPacketSize: 1000 }).parse(header, () => undefined), (error: unknown) => {
      return error instanceof PacketTooLargeError && error.size === 70000 && error.limit === 1000;
    });
  });

  test('decodePacket wants exactly one packet', () => {
    const packet = encodeRequest('core.uptime', [], 1);
    assert.equal(decodePacket(packet).type, PacketType.Request);
    assert.throws(() => decodePacket(packet.subarray(0, packet.length - 1)), ProtocolError);
    assert.throws(() => decodePacket(Buffer.concat([packet, Buffer.from([0])])), ProtocolError);
  });
});

describe('malformed bodies', () => {
  const bad: [string, string][] = [
    ['truncated int', '20ff'],
    ['truncated string', '91ff41'],
    ['unterminated struct', '03'],
    ['struct end without start', '83'],
    ['array end closing a struct', '0384'],
    ['member name without value', '0335696400' + '83'],
    ['member name followed by name', '033569640035696400' + '1001' + '83'],
    ['array as a struct member value', '033569640004848' + '3'],
    ['double longer than 8 bytes', '92' + '00'.repeat(9)],
    ['unknown record type', '07'],
    ['length field wider than 4 bytes', 'd1' + '00'.repeat(5)],
  ];
  for (const [label, body] of bad) {
    test(label, () => assert.throws(() => decodeRecords(Buffer.from(body, 'hex')), ProtocolError));
  }

  test('nesting beyond maxDepth is refused without recursion', () => {
    const deep = Buffer.concat([Buffer.alloc(100000, 0x03), Buffer.alloc(100000, 0x83)]);
    assert.throws(() => decodeRecords(deep), ProtocolError);
    assert.equal(decodeRecords(deep.subarray(99990, 100010), { maxDepth: 20 }).length, 1);
  });

  test('top-level and array-level AVPs stand alone', () => {
    assert.deepEqual(decodeRecords(Buffer.from('35696400' + '0425690084', 'hex')), [
      { type: 'avp', value: 'id' },
      { type: 'array', items: [{ type: 'avp', value: 'i' }] },
    ]);
  });
});
