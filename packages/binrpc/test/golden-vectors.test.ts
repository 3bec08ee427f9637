import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  decodeReply,
  decodeRequest,
  encodeFault,
  encodeReply,
  encodeRequest,
  FrameParser,
  PacketType,
  type BinrpcValue,
} from '../src/index.js';
import { readHexChunks, readPackets, vectorNames } from './support/vectors.js';

const names = vectorNames();

test('the fixtures hold every lab vector', () => {
  assert.equal(names.length, 16);
});

describe('requests captured from kamcmd 5.6.3', () => {
  for (const name of names) {
    test(`${name}: decodes and re-encodes byte for byte`, () => {
      const packets = readPackets(name, 'req');
      assert.ok(packets.length >= 1);
      for (const { packet, raw } of packets) {
        assert.equal(packet.type, PacketType.Request);
        const request = decodeRequest(packet);
        assert.deepEqual(encodeRequest(request.method, request.params, packet.cookie), raw);
      }
    });
  }
});

describe('replies captured from kamailio 5.6.3', () => {
  for (const name of names) {
    test(`${name}: decodes and re-encodes byte for byte`, () => {
      for (const { packet, raw } of readPackets(name, 'rep')) {
        const reply = decodeReply(packet);
        const again =
          reply.kind === 'fault' ? encodeFault(reply.code, reply.message, packet.cookie) : encodeReply(reply.values, packet.cookie);
        assert.deepEqual(again, raw);
      }
    });
  }
});

function only(name: string) {
  const packets = readPackets(name, 'rep');
  assert.equal(packets.length, 1);
  return decodeReply(packets[0]!.packet);
}

function member(value: BinrpcValue | undefined, name: string): BinrpcValue {
  assert.equal(value?.type, 'struct');
  const found = value.type === 'struct' ? value.members.find((m) => m.name === name) : undefined;
  assert.ok(found, `member ${name}`);
  return found.value;
}

describe('decoded values', () => {
  test('core.uptime is a struct of now, up_since and uptime', () => {
    const reply = only('core.uptime');
    assert.equal(reply.kind, 'reply');
    const [root] = reply.kind === 'reply' ? reply.values : [];
    assert.deepEqual(member(root, 'now'), { type: 'str', value: 'Sun Nov 22 06:24:23 2026' });
    assert.deepEqual(member(root, 'up_since'), { type: 'str', value: 'Sun Nov 22 06:24:00 2026' });
    assert.deepEqual(member(root, 'uptime'), { type: 'int', value: 23 });
  });

  test('core.version keeps its trailing space', () => {
    const reply = only('core.version');
    assert.deepEqual(reply.kind === 'reply' && reply.values, [{ type: 'str', value: 'kamailio 5.6.3 (x86_64/linux) ' }]);
  });

  test('system.listMethods is a flat list of 161 sorted strings', () => {
    const reply = only('system.listMethods');
    assert.equal(reply.kind, 'reply');
    const methods = reply.kind === 'reply' ? reply.values.map((v) => (v.type === 'str' ? v.value : '')) : [];
    assert.equal(methods.length, 161);
    assert.deepEqual([...methods].sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1)), methods);
    assert.ok(methods.includes('core.uptime'));
  });

  test('cfg.get core debug uses a 3-byte cookie and answers int 2', () => {
    const [first] = readPackets('cfg.get_core_debug', 'rep');
    assert.ok(first);
    assert.equal(first.raw[1]! & 3, 2);
    assert.equal(first.packet.cookie, 0x28a9a0);
    assert.deepEqual(decodeReply(first.packet), { kind: 'reply', cookie: 0x28a9a0, values: [{ type: 'int', value: 2 }] });
  });

  test('cfg.set_now_int answers an empty body', () => {
    const reply = only('cfg.set_now_int_core_debug_3');
    assert.equal(reply.kind, 'reply');
    assert.deepEqual(reply.kind === 'reply' && reply.values, []);
  });

  test('faults carry code and message', () => {
    const unknown = only('unknown_method');
    assert.equal(unknown.kind, 'fault');
    assert.equal(unknown.kind === 'fault' && unknown.code, 500);
    assert.equal(unknown.kind === 'fault' && unknown.message, 'command no.such.method not found');
    const badVar = only('cfg.set_now_int_unknown_var');
    assert.equal(badVar.kind === 'fault' && `${badVar.code} ${badVar.message}`, '400 Failed to set the variable');
  });

  test('ul.dump: the 8-byte double Q, negative ints and nested structs', () => {
    const reply = only('ul.dump');
    const root = reply.kind === 'reply' ? reply.values[0] : undefined;
    const contact = member(
      member(member(member(member(member(member(root, 'Domains'), 'Domain'), 'AoRs'), 'Info'), 'Contacts'), 'Contact'),
      'Q',
    );
    assert.deepEqual(contact, { type: 'double', value: -1 });
    const contactStruct = member(
      member(member(member(member(member(root, 'Domains'), 'Domain'), 'AoRs'), 'Info'), 'Contacts'),
      'Contact',
    );
    assert.deepEqual(member(contactStruct, 'Methods'), { type: 'int', value: -1 });
    assert.deepEqual(member(contactStruct, 'Tcpconn-Id'), { type: 'int', value: -1 });
    assert.deepEqual(member(contactStruct, 'Received'), { type: 'str', value: '[not set]' });
  });

  test('dispatcher.list: repeated member names and <null string> survive', () => {
    const reply = only('dispatcher.list');
    const root = reply.kind === 'reply' ? reply.values[0] : undefined;
    const records = member(root, 'RECORDS');
    assert.equal(records.type === 'struct' && records.members.filter((m) => m.name === 'SET').length, 2);
  });

  test('core.echo of -5 comes back as the unsigned 64-bit text', () => {
    const reply = only('core.echo_negative_int');
    assert.deepEqual(reply.kind === 'reply' && reply.values, [{ type: 'str', value: '18446744073709551611' }]);
  });

  test('repl_two_commands: 15 pipelined requests on one connection, 15 replies', () => {
    assert.equal(readPackets('repl_two_commands', 'req').length, 15);
    assert.equal(readPackets('repl_two_commands', 'rep').length, 15);
  });
});

describe('frame extraction on the captured streams', () => {
  test('every split of the pipelined reply stream yields the same packets', () => {
    const stream = Buffer.concat(readHexChunks('repl_two_commands', 'rep'));
    const whole: number[] = [];
    new FrameParser().parse(stream, (p) => whole.push(p.cookie));
    for (const size of [1, 2, 3, 7, 64, 1000]) {
      const parser = new FrameParser();
      const cookies: number[] = [];
      for (let i = 0; i < stream.length; i += size) parser.parse(stream.subarray(i, i + size), (p) => cookies.push(p.cookie));
      assert.deepEqual(cookies, whole, `chunks of ${size}`);
      assert.equal(parser.bufferedBytes, 0);
    }
  });

  test('the udp vector is one packet per datagram', () => {
    for (const side of ['req', 'rep'] as const) {
      const datagrams = readHexChunks('udp_core.uptime', side);
      assert.equal(datagrams.length, 1);
      assert.equal(readPackets('udp_core.uptime', side).length, 1);
    }
  });
});
