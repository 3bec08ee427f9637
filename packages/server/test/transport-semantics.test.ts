// The rpc_t mapping table (control-protocols §1.5): the same handler actions encoded by each
// transport, through the request processors (no sockets).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePacket, decodeReply, encodeRequest, str, int, type BinrpcValue } from '@kamkit/binrpc';
import { BinrpcRequestProcessor } from '../src/control/binrpc/binrpc-request-processor.js';
import { JsonRpcRequestProcessor } from '../src/control/jsonrpc/jsonrpc-request-processor.js';
import { XmlRpcRequestProcessor } from '../src/control/xmlrpc/xmlrpc-request-processor.js';
import { RET_ARRAY, RpcRegistry, rpcBool, rpcDouble, rpcInt, rpcLong, rpcStr, rpcTime, rpcUint, type RpcHandler } from '../src/rpc/index.js';

function registryWith(handler: RpcHandler, flags = 0): RpcRegistry {
  const registry = new RpcRegistry();
  registry.register({ name: 't.m', handler, flags });
  return registry;
}

async function binrpc(registry: RpcRegistry, params: BinrpcValue[] = [], limits?: { maxBodySize: number; structMaxBodySize: number }) {
  const answer = await new BinrpcRequestProcessor(registry, { limits }).handle(decodePacket(encodeRequest('t.m', params, 1)), { channel: 'tcp' });
  return decodeReply(decodePacket(answer.reply));
}

async function json(registry: RpcRegistry, params = '[]', channel: 'http' | 'datagram' = 'http') {
  return new JsonRpcRequestProcessor(registry).process(`{"jsonrpc":"2.0","method":"t.m","params":${params},"id":1}`, channel);
}

async function xml(registry: RpcRegistry, params = '') {
  return new XmlRpcRequestProcessor(registry).process(`<methodCall><methodName>t.m</methodName><params>${params}</params></methodCall>`);
}

const P = '<?xml version="1.0"?>\n<methodResponse>\n<params>\n<param>\n<value>';
const Q = '</value>\n</param>\n</params>\n</methodResponse>';

test('scalar types: b, t, u, l, f and NULL strings, per transport', async () => {
  const registry = registryWith((rpc) => {
    const s = rpc.addStruct();
    s.structAdd('b', rpcBool(true));
    s.structAdd('t', rpcTime(86400));
    s.structAdd('u', rpcUint(4294967295));
    s.structAdd('l', rpcLong(5000000000n));
    s.structAdd('f', rpcDouble(-1.25));
    s.structAdd('n', rpcStr(null));
  });
  const b = (await binrpc(registry)) as { values: BinrpcValue[] };
  assert.deepEqual(b.values, [
    {
      type: 'struct',
      members: [
        { name: 'b', value: { type: 'int', value: 1 } },
        { name: 't', value: { type: 'int', value: 86400 } },
        { name: 'u', value: { type: 'int', value: -1 } },
        { name: 'l', value: { type: 'double', value: 5000000000 } },
        { name: 'f', value: { type: 'double', value: -1.25 } },
        { name: 'n', value: { type: 'str', value: '<null string>' } },
      ],
    },
  ]);
  assert.equal(
    (await json(registry))!.text,
    '{\n\t"jsonrpc":\t"2.0",\n\t"result":\t{\n\t\t"b":\ttrue,\n\t\t"t":\t"19700102T00:00:00",\n\t\t"u":\t4294967295,\n\t\t"l":\t5000000000,\n\t\t"f":\t-1.250000,\n\t\t"n":\tnull\n\t},\n\t"id":\t1\n}',
  );
  assert.equal(
    await xml(registry),
    `${P}<struct><member><name>b</name><value><boolean>1</boolean></value></member><member><name>t</name><value><dateTime.iso8601>19700102T00:00:00</dateTime.iso8601></value></member><member><name>u</name><value><int>4294967295</int></value></member><member><name>l</name><value><double>5000000000</double></value></member><member><name>f</name><value><double>-1.250000</double></value></member><member><name>n</name><value>&lt;nil/></value></member></struct>\n${Q}`,
  );
});

test('several top-level values: BINRPC sends all, JSON the last (or an array with RET_ARRAY), XML-RPC all in one value', async () => {
  const handler: RpcHandler = (rpc) => {
    rpc.add(rpcInt(1), rpcStr('two'));
  };
  assert.deepEqual(((await binrpc(registryWith(handler))) as { values: BinrpcValue[] }).values, [int(1), str('two')]);
  assert.match((await json(registryWith(handler)))!.text, /"result":\t"two",/);
  assert.match((await json(registryWith(handler, RET_ARRAY)))!.text, /"result":\t\[1, "two"\],/);
  assert.equal(await xml(registryWith(handler)), `${P}<int>1</int>\n<string>two</string>\n${Q}`);
  assert.equal(await xml(registryWith(handler, RET_ARRAY)), `${P}<array><data>\n<value><int>1</int></value>\n<value><string>two</string></value>\n</data></array>${Q}`);
  const empty = registryWith(() => {});
  assert.match((await json(empty))!.text, /"result":\t\{\n\t\},/);
  assert.match((await json(registryWith(() => {}, RET_ARRAY)))!.text, /"result":\t\[\],/);
  assert.equal(await xml(empty), `${P}${Q}`);
});

test('array_add on a struct: BINRPC keeps the unnamed value, JSON-RPC and XML-RPC refuse it', async () => {
  const results: boolean[] = [];
  const registry = registryWith((rpc) => {
    const s = rpc.addStruct();
    results.push(s.arrayAdd(rpcInt(7)));
  });
  assert.deepEqual(((await binrpc(registry)) as { values: BinrpcValue[] }).values, [{ type: 'struct', members: [{ value: int(7) }] }]);
  await json(registry);
  await xml(registry);
  assert.deepEqual(results, [true, false, false]);
});

test('fault timing: BINRPC the first fault at once; JSON-RPC and XML-RPC the last, replacing the data; XML-RPC codes < 300 are no faults', async () => {
  const registry = registryWith((rpc) => {
    rpc.add(rpcInt(1));
    rpc.fault(404, 'first');
    rpc.fault(500, 'second');
  });
  assert.deepEqual(await binrpc(registry), { kind: 'fault', cookie: 1, code: 404, message: 'first' });
  const j = (await json(registry))!;
  assert.equal(j.status, 500);
  assert.match(j.text, /"code":\t500,\n\t\t"message":\t"second"/);
  assert.match(await xml(registry), /<int>500<\/int>[\s\S]*<string>second<\/string>/);
  const low = registryWith((rpc) => {
    rpc.add(rpcInt(1));
    rpc.fault(200, 'not an error');
  });
  assert.equal(await xml(low), `${P}<int>1</int>\n${Q}`);
  assert.match((await json(registryWith((rpc) => rpc.fault(0, 'x'))))!.text, /"code":\t-32000,\n\t\t"message":\t"Execution Error"/);
});

test('BINRPC reply limits: a full struct refuses adds (-1), a full top level faults 500', async () => {
  let refused = 0;
  const structs = registryWith((rpc) => {
    const s = rpc.addStruct();
    for (let i = 0; i < 100; i++) if (!s.structAdd(`k${i}`, rpcStr('x'.repeat(20)))) refused++;
  });
  await binrpc(structs, [], { maxBodySize: 32 * 1024, structMaxBodySize: 1024 });
  assert.ok(refused > 50 && refused < 100, `${refused} refused`);
  const top = registryWith((rpc) => {
    for (let i = 0; i < 100; i++) rpc.add(rpcStr('y'.repeat(100)));
  });
  assert.deepEqual(await binrpc(top, [], { maxBodySize: 4096, structMaxBodySize: 1024 }), {
    kind: 'fault',
    cookie: 1,
    code: 500,
    message: "Internal server error processing 's': buffer too small (overflow) (-2)",
  });
});

test('struct parameters: XML-RPC reads members; JSON-RPC faults 400, BINRPC 500', async () => {
  const registry = registryWith((rpc) => {
    const scan = rpc.scan('{');
    if (!scan.ok) return;
    const [struct] = scan.values;
    rpc.add(rpcStr(struct.member('name', 's') ?? '?'), rpcInt(struct.member('n', 'd') ?? -1));
  }, RET_ARRAY);
  assert.equal(
    await xml(registry, '<param><value><struct><member><name>n</name><value><int>3</int></value></member><member><name>name</name><value><string>abc</string></value></member></struct></value></param>'),
    `${P}<array><data>\n<value><string>abc</string></value>\n<value><int>3</int></value>\n</data></array>${Q}`,
  );
  assert.match((await json(registry, '[{"name":"abc"}]'))!.text, /"code":\t400,\n\t\t"message":\t"Unsupported param type"/);
  assert.deepEqual(await binrpc(registry, [str('x')]), { kind: 'fault', cookie: 1, code: 500, message: 'internal server error, type 3 not supported' });
});

test('JSON-RPC typing: strings read as 0 for numbers, numbers need `.` to become strings', async () => {
  const registry = registryWith((rpc) => {
    const a = rpc.scan('d');
    const b = rpc.scan('.s');
    const c = rpc.scan('s');
    rpc.add(rpcInt(a.values[0] ?? -1), rpcStr(b.values[0] ?? '-'), rpcStr(c.ok ? c.values[0] : 'failed'));
  }, RET_ARRAY);
  assert.match((await json(registry, '["5", -5, 7]'))!.text, /"result":\t\[0, "18446744073709551611", "failed"\]/);
});

test('delayed replies: over HTTP with an id the reply comes when the handler closes it; elsewhere there is none', async () => {
  const registry = registryWith((rpc) => {
    const delayed = rpc.delayedReply();
    if (!delayed) return rpc.fault(500, 'internal error: failed to create context');
    setTimeout(() => {
      delayed.rpc.add(rpcStr('later'));
      delayed.close();
    }, 20);
  });
  assert.match((await json(registry, '[]', 'http'))!.text, /"result":\t"later"/);
  assert.match((await json(registry, '[]', 'datagram'))!.text, /"message":\t"internal error: failed to create context"/);
  assert.match(await xml(registry), /<string>later<\/string>/);
  assert.deepEqual(await binrpc(registry), { kind: 'fault', cookie: 1, code: 500, message: 'internal error: failed to create context' });
});
