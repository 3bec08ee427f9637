import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildMethodCall, createClient, parseMethodResponse, RpcFault, type RpcParam } from '../src/index.js';
import { startHttpReplay } from './support/replay-servers.js';
import { splitHttp, vectorFile, vectorFiles } from './support/vector-files.js';

const calls: Record<string, { method: string; params: RpcParam[]; result?: unknown; fault?: [number, string] }> = {
  'cfg.get': { method: 'cfg.get', params: ['lab', 'enabled'], result: 1 },
  'core.echo': { method: 'core.echo', params: ['hello', 42], result: ['hello', '42'] },
  'core.uptime': {
    method: 'core.uptime',
    params: [],
    result: { now: 'Sun Nov 22 06:24:26 2026', up_since: 'Sun Nov 22 06:24:00 2026', uptime: 26 },
  },
  unknown_method: { method: 'no.such.method', params: [], fault: [500, 'Method Not Found'] },
};

describe('XML-RPC over HTTP: the captured exchanges', () => {
  const names = vectorFiles('xmlrpc-http', '.req.http');
  let server: Awaited<ReturnType<typeof startHttpReplay>>;

  before(async () => {
    server = await startHttpReplay((body) => {
      const name = names.find((n) => splitHttp(vectorFile('xmlrpc-http', `${n}.req.http`)).body === body);
      return name ? vectorFile('xmlrpc-http', `${name}.rep.http`) : undefined;
    });
  });
  after(() => server.close());

  test('the vectors are the four known ones', () => assert.deepEqual(names, Object.keys(calls).sort()));

  for (const name of Object.keys(calls)) {
    const call = calls[name]!;
    test(`${name}: byte-identical request body, reply parsed exactly`, async () => {
      const captured = splitHttp(vectorFile('xmlrpc-http', `${name}.req.http`));
      assert.equal(buildMethodCall(call.method, call.params), captured.body);
      // Kamailio's XML-RPC replies carry no Content-Type; the client must not need one.
      assert.equal(splitHttp(vectorFile('xmlrpc-http', `${name}.rep.http`)).headers.has('content-type'), false);

      const client = createClient(`xmlrpc+http://127.0.0.1:${server.port}/RPC2`);
      try {
        const reply = client.call(call.method, ...call.params);
        if (call.fault) {
          await assert.rejects(reply, (error: unknown) => error instanceof RpcFault && error.code === call.fault![0] && error.message === call.fault![1]);
        } else {
          assert.deepEqual((await reply).result, call.result);
        }
        assert.equal(server.seen.at(-1), captured.body);
      } finally {
        await client.close();
      }
    });
  }
});

describe('XML-RPC reply shapes Kamailio produces', () => {
  const wrap = (inner: string) =>
    `<?xml version="1.0"?>\n<methodResponse>\n<params>\n<param>\n<value>${inner}</value>\n</param>\n</params>\n</methodResponse>`;

  test('an empty <value> is an empty result', () => assert.deepEqual(parseMethodResponse(wrap(''), 't'), {}));
  test('strings keep their spaces and entities', () => {
    assert.equal(parseMethodResponse(wrap('<string>kamailio 5.6.3 (x86_64/linux) </string>\n'), 't'), 'kamailio 5.6.3 (x86_64/linux) ');
    assert.equal(parseMethodResponse(wrap('<string>a &lt;b> &amp; c&#xD;</string>\n'), 't'), 'a <b> & c\r');
  });
  test('the escaped NULL marker is null', () => {
    assert.deepEqual(parseMethodResponse(wrap('<struct><member><name>DUID</name><value>&lt;nil/></value></member></struct>'), 't'), { DUID: null });
  });
  test('arrays of one-member structs (ul.dump style) and bare members in arrays', () => {
    assert.deepEqual(
      parseMethodResponse(
        wrap('<array><data>\n<value><struct><member><name>Contact</name><value><int>1</int></value></member></struct></value>\n<member><name>AoR</name><value><string>a</string></value></member></data></array>'),
        't',
      ),
      [{ Contact: 1 }, { AoR: 'a' }],
    );
  });
  test('several values in one <value> (no RET_ARRAY) become an array', () => {
    assert.deepEqual(parseMethodResponse(wrap('<string>a</string>\n<int>2</int>\n'), 't'), ['a', 2]);
  });
  test('faults with code and message', () => {
    const fault = vectorFile('xmlrpc-http', 'unknown_method.rep.http');
    assert.throws(() => parseMethodResponse(splitHttp(fault).body, 't'), (e: unknown) => e instanceof RpcFault && e.code === 500);
  });
  test('malformed replies are ProtocolErrors', () => {
    assert.throws(() => parseMethodResponse('<methodResponse><params></params></methodResponse>', 't'), { name: 'ProtocolError' });
    assert.throws(() => parseMethodResponse('not xml at all', 't'), { name: 'ProtocolError' });
    assert.throws(() => parseMethodResponse(wrap('<int>abc</int>'), 't'), { name: 'ProtocolError' });
  });
});
