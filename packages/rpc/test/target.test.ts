import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTarget, TargetSyntaxError } from '../src/index.js';

test('every transport URI', () => {
  assert.deepEqual(parseTarget('unix:/run/kamailio/kamailio_ctl'), { protocol: 'binrpc', transport: 'unix', path: '/run/kamailio/kamailio_ctl' });
  assert.deepEqual(parseTarget('unixs:/x'), { protocol: 'binrpc', transport: 'unix', path: '/x' });
  assert.deepEqual(parseTarget('UNIXD:/x'), { protocol: 'binrpc', transport: 'unixd', path: '/x' });
  assert.deepEqual(parseTarget('tcp:127.0.0.1:2049'), { protocol: 'binrpc', transport: 'tcp', host: '127.0.0.1', port: 2049 });
  assert.deepEqual(parseTarget('tcp:localhost'), { protocol: 'binrpc', transport: 'tcp', host: 'localhost', port: 2049 });
  assert.deepEqual(parseTarget('udp:[::1]:2050'), { protocol: 'binrpc', transport: 'udp', host: '::1', port: 2050 });
  assert.deepEqual(parseTarget('http://127.0.0.1:5071/RPC'), { protocol: 'jsonrpc', transport: 'http', url: 'http://127.0.0.1:5071/RPC' });
  assert.deepEqual(parseTarget('https://h/RPC'), { protocol: 'jsonrpc', transport: 'http', url: 'https://h/RPC' });
  assert.deepEqual(parseTarget('fifo:/run/kamailio/kamailio_rpc.fifo'), { protocol: 'jsonrpc', transport: 'fifo', path: '/run/kamailio/kamailio_rpc.fifo' });
  assert.deepEqual(parseTarget('jsonrpc+unixd:/run/kamailio/kamailio_rpc.sock'), { protocol: 'jsonrpc', transport: 'unixd', path: '/run/kamailio/kamailio_rpc.sock' });
  assert.deepEqual(parseTarget('xmlrpc+http://127.0.0.1:5071/RPC2'), { protocol: 'xmlrpc', transport: 'http', url: 'http://127.0.0.1:5071/RPC2' });
});

test("kamcmd's bare spellings", () => {
  assert.deepEqual(parseTarget('/var/run/kamailio//kamailio_ctl'), { protocol: 'binrpc', transport: 'unix', path: '/var/run/kamailio//kamailio_ctl' });
  assert.deepEqual(parseTarget('kamailio_ctl'), { protocol: 'binrpc', transport: 'unix', path: 'kamailio_ctl' });
  assert.deepEqual(parseTarget('localhost:2050'), { protocol: 'binrpc', transport: 'udp', host: 'localhost', port: 2050 });
});

test('bad targets name the problem', () => {
  assert.throws(() => parseTarget('badproto:foo'), (e: unknown) => e instanceof TargetSyntaxError && /unknown protocol "badproto"/.test(e.message));
  assert.throws(() => parseTarget('tcp:127.0.0.1:99999'), /bad port/);
  assert.throws(() => parseTarget('unix:'), /no path/);
  assert.throws(() => parseTarget(''), /empty target/);
});
