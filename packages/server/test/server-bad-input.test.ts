// Hostile and broken input on every transport: what comes back (byte for byte where Kamailio's
// answer was captured) and that the server keeps serving afterwards.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import dgram from 'node:dgram';
import { closeSync, constants, existsSync, linkSync, mkdirSync, openSync, readFileSync, readSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { encodeRequest, int, str } from '@kamkit/binrpc';
import { asInt, createClient, RpcFault } from '@kamkit/rpc';
import { startTestServer, type TestServer } from './server-support.js';

let t: TestServer;
before(async () => {
  t = await startTestServer();
});
after(async () => {
  await t.stop();
});

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ''), 'hex');
/** A reply Kamailio 5.6.3 sent to the same request (test/fixtures/captured). */
const captured = (name: string) => readFileSync(new URL(`../../test/fixtures/captured/${name}`, import.meta.url), 'utf8').trim();

/** Writes bytes on a new stream connection; collects what comes back until close or a quiet period. */
function exchange(target: { path: string } | { port: number }, data: Buffer, quietMs = 400): Promise<{ reply: Buffer; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = 'path' in target ? net.connect(target.path) : net.connect(target.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let timer = setTimeout(done, quietMs);
    let closed = false;
    function done() {
      socket.destroy();
      resolve({ reply: Buffer.concat(chunks), closed });
    }
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    });
    socket.on('end', () => {
      closed = true;
      clearTimeout(timer);
      done();
    });
    socket.on('error', () => undefined);
    socket.write(data);
  });
}

const unixPath = () => t.targets.unix.slice('unix:'.length);
const tcpPort = () => Number(t.targets.tcp.split(':').at(-1));
const udpPort = () => Number(t.targets.udp.split(':').at(-1));

// Kamailio 5.6.3's answers, captured from its ctl TCP socket.
const CORRUPTED_COOKIE_0 = 'a1302300200190911e62616420726571756573743a20636f72727570746564207061636b657400';
const BAD_METHOD = 'a1333312345678200190912e6261642072657175657374206d6574686f643a207265636f726420646f65736e2774206d61746368207479706500';

test('BINRPC: a bad magic byte gets Kamailio\'s fault (cookie 0) and the connection is closed', async () => {
  for (const target of [{ path: unixPath() }, { port: tcpPort() }]) {
    const { reply, closed } = await exchange(target, hex('b1031312345678'));
    assert.equal(reply.toString('hex'), CORRUPTED_COOKIE_0);
    assert.ok(closed);
  }
});

test('BINRPC: a reply-type packet and a non-string method are refused as Kamailio does', async () => {
  const replyType = await exchange({ path: unixPath() }, hex('a1130012345678'));
  assert.equal(replyType.reply.toString('hex'), 'a1332312345678200190911e62616420726571756573743a20636f72727570746564207061636b657400');
  assert.ok(replyType.closed);
  const intMethod = await exchange({ port: tcpPort() }, hex('a10302123456781005'));
  assert.equal(intMethod.reply.toString('hex'), BAD_METHOD);
  assert.ok(intMethod.closed);
});

test('BINRPC: pipelined requests are answered in order; a malformed one after them closes the stream', async () => {
  const first = encodeRequest('core.echo', [str('one')], 1);
  const second = encodeRequest('core.echo', [str('two')], 2);
  const { reply, closed } = await exchange({ path: unixPath() }, Buffer.concat([first, second, hex('b1')]));
  // One-byte cookies give header byte 0x10 (reply, 1 length byte, 1 cookie byte).
  const expected = Buffer.concat([hex('a11005 01 41 6f6e6500'), hex('a11005 02 4174776f00'), hex(CORRUPTED_COOKIE_0)]);
  assert.equal(reply.toString('hex'), expected.toString('hex'));
  assert.ok(closed);
});

test('BINRPC: a request bigger than the 64 KiB stream buffer is dropped without a reply', async () => {
  // 65535 body bytes plus the header cannot fit; 16 MiB even less.
  for (const header of ['a10b00ffff12345678', 'a10f00ffffff12345678']) {
    const { reply, closed } = await exchange({ port: tcpPort() }, hex(header));
    assert.equal(reply.length, 0);
    assert.ok(closed, header);
  }
  // The server still serves other clients.
  const ok = await exchange({ port: tcpPort() }, encodeRequest('core.echo', [str('x')], 9));
  assert.equal(ok.reply.toString('hex'), 'a110030921780 0'.replace(/\s/g, ''));
});

test('BINRPC over UDP: a malformed datagram gets the fault, a truncated one nothing', async () => {
  const socket = dgram.createSocket('udp4');
  const replies: Buffer[] = [];
  socket.on('message', (m) => replies.push(m));
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  socket.send(hex('b1031312345678'), udpPort(), '127.0.0.1');
  socket.send(hex('a1031312345678910a'), udpPort(), '127.0.0.1');
  await new Promise((resolve) => setTimeout(resolve, 300));
  socket.close();
  assert.deepEqual(replies.map((r) => r.toString('hex')), [CORRUPTED_COOKIE_0]);
});

test('unknown methods: each transport\'s own fault', async () => {
  const binrpc = await exchange({ path: unixPath() }, encodeRequest('no.such.method', [], 0x12345678));
  assert.equal(binrpc.reply.toString('hex'), captured('unknown_method.binrpc.hex'));
  for (const target of [t.targets.http, t.targets.fifo, t.targets.jsonDgram, t.targets.xmlrpc]) {
    const client = createClient(target, { timeoutMs: 3000, fifoReplyDir: t.fifoReplyDir, replySocketDir: t.dir });
    await assert.rejects(client.call('no.such.method'), (e: unknown) => e instanceof RpcFault && e.code === 500 && e.message === 'Method Not Found', target);
    await client.close();
  }
});

test('wrong parameter types: BINRPC faults, XML-RPC faults, JSON-RPC reads numbers and skips', async () => {
  const binrpc = await exchange({ path: unixPath() }, encodeRequest('cnt.get', [int(5)], 0x12345678));
  assert.equal(binrpc.reply.toString('hex'), captured('wrong_type.binrpc.hex'));
  const xml = createClient(t.targets.xmlrpc, { timeoutMs: 3000 });
  await assert.rejects(xml.call('cnt.get', asInt(5)), (e: unknown) => e instanceof RpcFault && e.code === 400 && e.message === 'Invalid Parameter Type');
  await xml.close();
  const json = createClient(t.targets.http, { timeoutMs: 3000 });
  assert.deepEqual((await json.call('cnt.get', asInt(5))).result, {});
  await json.close();
  const missing = await exchange({ port: tcpPort() }, encodeRequest('cnt.help', [str('dns')], 7));
  assert.match(missing.reply.subarray(8).toString('latin1'), /error at parameter 1: expected string type but end of packet encountered/);
});

/** Sends one request into the server FIFO and reads the named reply FIFO (or times out). */
function fifoRequest(request: object, replyPath: string | undefined, waitMs = 600): Promise<string | undefined> {
  return new Promise((resolve) => {
    let fd: number | undefined;
    if (replyPath) fd = openSync(replyPath, constants.O_RDONLY | constants.O_NONBLOCK);
    writeFileSync(t.targets.fifo.slice('fifo:'.length), `${JSON.stringify(request)}\n`);
    setTimeout(() => {
      if (fd === undefined) return resolve(undefined);
      const buffer = Buffer.alloc(65536);
      let text = '';
      try {
        const n = readSync(fd, buffer);
        text = buffer.subarray(0, n).toString();
      } catch {
        // EAGAIN: nothing written.
      }
      closeSync(fd);
      resolve(text === '' ? undefined : text);
    }, waitMs);
  });
}

const mkfifo = (file: string) => execFileSync('mkfifo', ['-m', '0622', file]);

test('FIFO: a reply_name with a path is refused and nothing is written outside the reply directory', async () => {
  const errorsBefore = t.errors.length;
  const outside = path.join(t.dir, 'escape');
  mkfifo(outside);
  for (const name of ['../escape', '/tmp/x', 'a.b', 'a\\b']) {
    await fifoRequest({ jsonrpc: '2.0', method: 'core.version', reply_name: name, id: 1 }, undefined, 150);
  }
  assert.equal(await fifoRequest({ jsonrpc: '2.0', method: 'core.version', reply_name: '../escape', id: 1 }, outside), undefined);
  assert.ok(t.errors.slice(errorsBefore).every((e) => /invalid reply_name/.test(e.message)));
  assert.equal(t.errors.length - errorsBefore, 5);
});

test('FIFO: a symlinked or hard-linked reply FIFO, or a plain file, gets no reply', async () => {
  const target = path.join(t.dir, 'target.fifo');
  mkfifo(target);
  symlinkSync(target, path.join(t.fifoReplyDir, 'viasymlink'));
  const errorsBefore = t.errors.length;
  assert.equal(await fifoRequest({ jsonrpc: '2.0', method: 'core.version', reply_name: 'viasymlink', id: 1 }, target), undefined);
  assert.match(t.errors.at(-1)!.message, /symbolic link/);

  const linked = path.join(t.dir, 'linked.fifo');
  mkfifo(linked);
  linkSync(linked, path.join(t.fifoReplyDir, 'hardlink'));
  assert.equal(await fifoRequest({ jsonrpc: '2.0', method: 'core.version', reply_name: 'hardlink', id: 1 }, linked), undefined);
  assert.match(t.errors.at(-1)!.message, /2 links/);

  const plain = path.join(t.fifoReplyDir, 'plainfile');
  writeFileSync(plain, 'untouched');
  await fifoRequest({ jsonrpc: '2.0', method: 'core.version', reply_name: 'plainfile', id: 1 }, undefined, 200);
  assert.equal(readFileSync(plain, 'utf8'), 'untouched');
  assert.match(t.errors.at(-1)!.message, /not a FIFO/);
  assert.equal(t.errors.length - errorsBefore, 3);
});

test('FIFO: a proper reply FIFO in the reply directory gets the pretty reply', async () => {
  const reply = path.join(t.fifoReplyDir, 'good');
  mkfifo(reply);
  const text = await fifoRequest({ jsonrpc: '2.0', method: 'core.echo', params: ['a'], reply_name: 'good', id: 'x' }, reply);
  assert.equal(text, '{\n\t"jsonrpc":\t"2.0",\n\t"result":\t["a"],\n\t"id":\t"x"\n}');
});

test('FIFO: a request over 8190 bytes is dropped and the next one is still served', async () => {
  const reply = path.join(t.fifoReplyDir, 'afterbig');
  mkfifo(reply);
  // The padding comes last and has no quotes, so what is left after the drop holds no literal that
  // would swallow the next request (Kamailio reads the rest as the start of the next request too).
  const huge = { jsonrpc: '2.0', method: 'core.echo', reply_name: 'afterbig', id: 1, params: new Array(3000).fill(100) };
  assert.equal(await fifoRequest(huge, reply, 300), undefined);
  const text = await fifoRequest({ jsonrpc: '2.0', method: 'core.echo', params: ['small'], reply_name: 'afterbig', id: 2 }, reply);
  assert.match(text ?? '', /"small"/);
});

/** A raw HTTP exchange on the JSON/XML listener. */
async function http(request: string): Promise<{ head: string; body: string; closed: boolean }> {
  const port = Number(new URL(t.targets.http).port);
  const { reply, closed } = await exchange({ port }, Buffer.from(request, 'latin1'));
  const text = reply.toString('utf8');
  const split = text.indexOf('\r\n\r\n');
  return { head: text.slice(0, split), body: text.slice(split + 4), closed };
}

test('HTTP: oversized body 413, unparsable JSON 400 parse error, wrong method 405, wrong path 404', async () => {
  const big = await http(`POST /RPC HTTP/1.1\r\nContent-Length: 70000\r\n\r\n`);
  assert.match(big.head, /^HTTP\/1\.1 413 Payload Too Large\r\n/);
  assert.ok(big.closed);
  const bad = await http('POST /RPC HTTP/1.1\r\nContent-Length: 9\r\nConnection: close\r\n\r\n{bad json');
  assert.match(bad.head, /^HTTP\/1\.1 400 Bad Request\r\nContent-Type: application\/json\r\n/);
  assert.equal(bad.body, '{\n\t"jsonrpc":\t"2.0",\n\t"error":\t{\n\t\t"code":\t-32700,\n\t\t"message":\t"Parse Error"\n\t}\n}');
  assert.match((await http('GET /RPC HTTP/1.1\r\nConnection: close\r\n\r\n')).head, /^HTTP\/1\.1 405 Method Not Allowed\r\nAllow: POST\r\n/);
  assert.match((await http('POST /other HTTP/1.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n')).head, /^HTTP\/1\.1 404 Not Found\r\n/);
  assert.match((await http('POST /RPC HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n')).head, /^HTTP\/1\.1 501 /);
});

test('HTTP: a fault text ending in a newline still gives a well-formed status line', async () => {
  const body = '{"jsonrpc":"2.0","method":"cnt.get","params":["nope","x"],"id":1}';
  const reply = await http(`POST /RPC HTTP/1.1\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
  assert.match(reply.head, /^HTTP\/1\.1 400 non-existent counter nope\.x\r\nContent-Type: application\/json\r\n/);
  assert.match(reply.body, /"message":\t"non-existent counter nope\.x\\n"/);
});

test('HTTP keep-alive: two requests on one connection, two answers', async () => {
  const body = '{"jsonrpc":"2.0","method":"core.echo","params":["k"],"id":1}';
  const one = `POST /RPC HTTP/1.1\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
  const port = Number(new URL(t.targets.http).port);
  const { reply } = await exchange({ port }, Buffer.from(one + one));
  assert.equal(reply.toString().match(/HTTP\/1\.1 200 OK/g)?.length, 2);
});

test('JSON-RPC datagram: unparsable input gets no answer; the socket keeps working', async () => {
  const client = createClient(t.targets.jsonDgram, { timeoutMs: 2000, replySocketDir: t.dir });
  const { bindUnixDatagram } = await import('../src/control/unix-datagram-socket.js');
  const replies: Buffer[] = [];
  const me = path.join(t.dir, 'raw-client.sock');
  const socket = await bindUnixDatagram(me, (data) => replies.push(data));
  await socket.sendTo(Buffer.from('{not json'), t.targets.jsonDgram.slice('jsonrpc+unixd:'.length));
  await new Promise((resolve) => setTimeout(resolve, 300));
  socket.close();
  assert.equal(replies.length, 0);
  assert.deepEqual((await client.call('core.echo', 'still')).result, ['still']);
  await client.close();
  assert.ok(!existsSync(path.join(t.dir, 'nonexistent')));
  mkdirSync(path.join(t.dir, 'unused'), { recursive: true });
});
