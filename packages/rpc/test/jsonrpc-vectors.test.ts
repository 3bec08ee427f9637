import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import unix from 'unix-dgram';
import { buildJsonRpcRequest, createClient, RpcFault, type RpcParam } from '../src/index.js';
import { serveFifoOnce, startHttpReplay, tempDir } from './support/replay-servers.js';
import { splitHttp, vectorFile, vectorFiles } from './support/vector-files.js';

/** The request minus what is ours to choose (id, reply FIFO name). */
function comparable(request: Record<string, unknown>) {
  const { id: _id, reply_name: _replyName, ...rest } = request;
  return rest;
}

function expectedOutcome(replyText: string): { result?: unknown; fault?: { code: number; message: string } } {
  const reply = JSON.parse(replyText) as { result?: unknown; error?: { code: number; message: string } };
  return reply.error ? { fault: reply.error } : { result: reply.result };
}

async function assertOutcome(call: Promise<{ result: unknown }>, expected: ReturnType<typeof expectedOutcome>) {
  if (expected.fault) {
    await assert.rejects(call, (error: unknown) => {
      assert.ok(error instanceof RpcFault);
      assert.equal(error.code, expected.fault!.code);
      assert.equal(error.message, expected.fault!.message);
      return true;
    });
  } else {
    assert.deepEqual((await call).result, expected.result);
  }
}

describe('JSON-RPC over HTTP: the captured exchanges', () => {
  const names = vectorFiles('jsonrpc-http', '.req.http');
  let server: Awaited<ReturnType<typeof startHttpReplay>>;
  const replies = new Map<string, Buffer>();

  before(async () => {
    for (const name of names) replies.set(name, vectorFile('jsonrpc-http', `${name}.rep.http`));
    server = await startHttpReplay((body) => {
      const method = (JSON.parse(body) as { method: string }).method;
      const name = names.find((n) => JSON.parse(splitHttp(vectorFile('jsonrpc-http', `${n}.req.http`)).body).method === method);
      return name ? replies.get(name) : undefined;
    });
  });
  after(() => server.close());

  test('all four vectors are present', () => assert.equal(names.length, 4));

  for (const name of names) {
    test(`${name}: same request, reply parsed exactly`, async () => {
      const captured = JSON.parse(splitHttp(vectorFile('jsonrpc-http', `${name}.req.http`)).body) as Record<string, unknown>;
      const params = (captured.params ?? []) as RpcParam[];
      assert.deepEqual(comparable({ ...buildJsonRpcRequest(String(captured.method), params, 1) }), comparable(captured));

      const client = createClient(`http://127.0.0.1:${server.port}/RPC`);
      try {
        const expected = expectedOutcome(splitHttp(replies.get(name)!).body);
        await assertOutcome(client.call(String(captured.method), ...params), expected);
        const sent = JSON.parse(server.seen.at(-1)!) as Record<string, unknown>;
        assert.deepEqual(comparable(sent), comparable(captured));
      } finally {
        await client.close();
      }
    });
  }

  test('a fault comes with the HTTP status of its code', () => {
    assert.equal(splitHttp(vectorFile('jsonrpc-http', 'unknown_method.rep.http')).startLine, 'HTTP/1.1 500 Method Not Found');
  });
});

describe('JSON-RPC over the FIFO: the captured exchanges', () => {
  const names = vectorFiles('jsonrpc-fifo', '.request.txt');

  test('all ten vectors are present', () => assert.equal(names.length, 10));

  for (const name of names) {
    test(`${name}: equivalent request, reply parsed exactly`, async () => {
      const captured = JSON.parse(vectorFile('jsonrpc-fifo', `${name}.request.txt`).toString()) as Record<string, unknown>;
      const replyText = vectorFile('jsonrpc-fifo', `${name}.reply.txt`).toString();
      const params = (captured.params ?? []) as RpcParam[];
      const work = tempDir();
      try {
        const fifo = path.join(work.dir, 'kamailio_rpc.fifo');
        const served = serveFifoOnce(fifo, work.dir, () => replyText);
        const client = createClient(`fifo:${fifo}`, { fifoReplyDir: `${work.dir}/` });
        await assertOutcome(client.call(String(captured.method), ...params), expectedOutcome(replyText));
        const sent = await served;
        assert.deepEqual(comparable(sent), comparable(captured));
        assert.match(String(sent.reply_name), /^[^./\\]+$/, 'jsonrpcs refuses reply names with . / or \\');
        await client.close();
      } finally {
        work.remove();
      }
    });
  }
});

describe('JSON-RPC over the unix datagram socket: the captured replies', () => {
  // Requests captured twice (kamctl's and ours) answer differently; one of each is enough here.
  const requestKey = (n: string) => JSON.stringify(comparable(JSON.parse(vectorFile('jsonrpc-fifo', `${n}.request.txt`).toString())));
  const names = vectorFiles('jsonrpc-fifo', '.request.txt').filter((n, i, all) => all.findIndex((m) => requestKey(m) === requestKey(n)) === i);
  const work = tempDir();
  const serverPath = path.join(work.dir, 'kamailio_rpc.sock');
  const replyPath = path.join(work.dir, 'reply.sock');
  let server: ReturnType<typeof unix.createSocket>;
  const seen: Record<string, unknown>[] = [];

  before(async () => {
    server = unix.createSocket('unix_dgram', (message) => {
      const request = JSON.parse(message.toString()) as Record<string, unknown>;
      seen.push(request);
      const name = names.find((n) => requestKey(n) === JSON.stringify(comparable(request)));
      if (!name) return;
      // jsonrpcs answers in-band, echoing the request's id.
      const reply = JSON.parse(vectorFile('jsonrpc-fifo', `${name}.reply.txt`).toString()) as Record<string, unknown>;
      const answer = Buffer.from(JSON.stringify({ ...reply, id: request.id }));
      server.sendto(answer, 0, answer.length, replyPath);
    });
    await new Promise<void>((resolve) => {
      server.once('listening', () => resolve());
      server.bind(serverPath);
    });
  });
  after(() => {
    server.close();
    work.remove();
  });

  test('every captured exchange, several calls in flight on one socket', async () => {
    const client = createClient(`jsonrpc+unixd:${serverPath}`, { replySocketPath: replyPath });
    try {
      await Promise.all(
        names.map(async (name) => {
          const captured = JSON.parse(vectorFile('jsonrpc-fifo', `${name}.request.txt`).toString()) as Record<string, unknown>;
          const replyText = vectorFile('jsonrpc-fifo', `${name}.reply.txt`).toString();
          await assertOutcome(client.call(String(captured.method), ...((captured.params ?? []) as RpcParam[])), expectedOutcome(replyText));
        }),
      );
      assert.ok(names.length >= 7);
      assert.equal(seen.length, names.length);
      assert.ok(seen.every((request) => typeof request.id === 'number' && !('reply_name' in request)));
    } finally {
      await client.close();
    }
  });
});
