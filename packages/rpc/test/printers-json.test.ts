import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RpcFault, TimeoutError, TransportError } from '../src/errors.js';
import { formatJson, formatJsonError } from '../src/printers/index.js';

describe('formatJson', () => {
  const reply = { now: 'Sun Nov 22 06:24:23 2026', uptime: 23, list: [1, 'a'] };

  test('pretty by default: 2-space indent, one document, trailing newline', () => {
    assert.equal(
      formatJson(reply),
      '{\n  "now": "Sun Nov 22 06:24:23 2026",\n  "uptime": 23,\n  "list": [\n    1,\n    "a"\n  ]\n}\n',
    );
    assert.equal(formatJson(reply, { pretty: true }), formatJson(reply));
  });

  test('compact on request', () => {
    assert.equal(formatJson(reply, { pretty: false }), '{"now":"Sun Nov 22 06:24:23 2026","uptime":23,"list":[1,"a"]}\n');
  });

  test('scalars, empty results and no result', () => {
    assert.equal(formatJson('kamailio 5.6.3 (x86_64/linux) '), '"kamailio 5.6.3 (x86_64/linux) "\n');
    assert.equal(formatJson({}), '{}\n');
    assert.equal(formatJson([]), '[]\n');
    assert.equal(formatJson(undefined), 'null\n');
    assert.equal(formatJson(-1.5), '-1.5\n');
  });

  test('round-trips through JSON.parse', () => {
    const value = { a: [{ b: null }, 'x\n"y"', 4294967295], 'odd key': true };
    assert.deepEqual(JSON.parse(formatJson(value)), value);
    assert.deepEqual(JSON.parse(formatJson(value, { pretty: false })), value);
  });

  test('bigints and bytes get a JSON form instead of throwing or exploding', () => {
    assert.equal(formatJson({ n: 5n, big: 2n ** 64n }, { pretty: false }), '{"n":5,"big":"18446744073709551616"}\n');
    const bytes = { buffer: Buffer.from([0x61, 0xff]), view: Uint8Array.from([0x62]) };
    assert.equal(formatJson(bytes, { pretty: false }), '{"buffer":"a\u00ff","view":"b"}\n');
    assert.equal(formatJson(Buffer.from('hi'), { pretty: false }), '"hi"\n');
  });
});

describe('formatJsonError', () => {
  test('an RPC fault: type, code, message, target in that order', () => {
    const fault = new RpcFault(500, 'command no.such.method not found', 'tcp:127.0.0.1:2049');
    assert.equal(
      formatJsonError(fault, { pretty: false }),
      '{"error":{"type":"RpcFault","code":500,"message":"command no.such.method not found","target":"tcp:127.0.0.1:2049"}}\n',
    );
    assert.equal(
      formatJsonError(fault),
      '{\n  "error": {\n    "type": "RpcFault",\n    "code": 500,\n    "message": "command no.such.method not found",\n' +
        '    "target": "tcp:127.0.0.1:2049"\n  }\n}\n',
    );
  });

  test('transport errors carry a system code; absent fields are left out', () => {
    const refused = new TransportError('connection refused', 'tcp:127.0.0.1:1', 'ECONNREFUSED');
    assert.deepEqual(JSON.parse(formatJsonError(refused)), {
      error: { type: 'TransportError', code: 'ECONNREFUSED', message: 'connection refused', target: 'tcp:127.0.0.1:1' },
    });
    const timeout = new TimeoutError('udp:127.0.0.1:2050', 5000);
    assert.deepEqual(JSON.parse(formatJsonError(timeout)), {
      error: { type: 'TimeoutError', message: 'no reply within 5000 ms', target: 'udp:127.0.0.1:2050' },
    });
    assert.equal(formatJsonError(new Error('boom'), { pretty: false }), '{"error":{"type":"Error","message":"boom"}}\n');
  });
});
