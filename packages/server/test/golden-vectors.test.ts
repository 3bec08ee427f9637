// Our replies against replies captured from the real Kamailio 5.6.3 (test/fixtures/captured, made by
// capture-real.mjs): each handler is fed the facts of the captured instance (pids, paths, memory
// numbers), and the BINRPC bytes (same cookie), JSON-RPC and XML-RPC bodies must be identical.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodePacket, decodeReply, encodeRequest, int, str, double, type BinrpcValue } from '@kamkit/binrpc';
import { RpcRegistry } from '../src/rpc/index.js';
import { coreCommands, counterCommands, statsCommands, systemCommands, type CoreFacts } from '../src/commands/index.js';
import { CounterRegistry } from '../src/counters/counter-registry.js';
import { ProcessTable } from '../src/server/process-table.js';
import type { MemorySnapshot } from '../src/server/memory-report.js';
import { BinrpcRequestProcessor } from '../src/control/binrpc/binrpc-request-processor.js';
import { JsonRpcRequestProcessor } from '../src/control/jsonrpc/jsonrpc-request-processor.js';
import { XmlRpcRequestProcessor } from '../src/control/xmlrpc/xmlrpc-request-processor.js';
import { readCaptureFiles } from './stats-captures.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const captured = path.resolve(here, '../../test/fixtures/captured');

interface Capture {
  name: string;
  method: string;
  params: [string, string | number][];
  binrpc: string;
  json: { status: number; reason: string; body: string };
  xml: string;
}

function splitHttp(raw: string): { status: number; reason: string; body: string } {
  const end = raw.indexOf('\r\n\r\n');
  const statusLine = raw.slice(0, raw.indexOf('\r\n'));
  const match = /^HTTP\/1\.1 (\d+) (.*)$/s.exec(statusLine)!;
  return { status: Number(match[1]), reason: match[2]!, body: raw.slice(end + 4) };
}

function loadCaptures(): Capture[] {
  return readCaptureFiles(captured).map(({ name, method, params, binrpcHex, jsonrpcHttp, xmlrpcHttp }) => ({
    name,
    method,
    params,
    binrpc: binrpcHex.trim(),
    json: splitHttp(jsonrpcHttp),
    xml: splitHttp(xmlrpcHttp).body,
  }));
}

const jsonResult = (capture: Capture) => (JSON.parse(capture.json.body) as { result?: unknown }).result;

/** The facts of the captured instance, as far as a case needs them. */
function factsFrom(captures: Map<string, Capture>, memory: MemorySnapshot): CoreFacts {
  const psx = jsonResult(captures.get('core.psx')!) as { IDX: number; PID: number; DSC: string }[];
  const processes = new ProcessTable(psx[0]!.PID);
  for (const row of psx.slice(1)) {
    const entry = processes.add(row.DSC);
    assert.equal(entry.pid, row.PID, 'the captured pids are consecutive');
  }
  const info = jsonResult(captures.get('core.info')!) as Record<string, string>;
  const sockets = (jsonResult(captures.get('core.sockets_list')!) as { socket: Record<string, string> }[]).map(({ socket }) => ({
    proto: socket['proto']!,
    address: socket['address']!,
    ipaddress: socket['ipaddress']!,
    port: Number(socket['port']),
  }));
  return {
    identity: {
      name: 'kamailio',
      version: '5.6.3',
      arch: 'x86_64',
      os: 'linux',
      id: info['id']!,
      compiler: info['compiler']!,
      compiled: info['compiled']!,
      flags: info['flags']!,
    },
    startedAt: new Date(0),
    now: () => new Date(0),
    processes,
    cwd: () => (jsonResult(captures.get('core.pwd')!) as string[])[0]!,
    argv: [],
    memory: { read: () => memory },
    sockets: () => sockets,
    kill: () => assert.fail('not in these cases'),
  };
}

/** Memory numbers of one transport's capture of core.shmmem (bytes), read back from its reply. */
function memoryFromShmmem(values: Record<string, number>): MemorySnapshot {
  return {
    total: values['total']!,
    free: values['free']!,
    used: values['used']!,
    realUsed: values['real_used']!,
    maxUsed: values['max_used']!,
    fragments: values['fragments']!,
  };
}

function registryFor(captures: Map<string, Capture>, memory: MemorySnapshot, shmemStats: Map<string, number>): RpcRegistry {
  const counters = new CounterRegistry();
  // Groups the cases do not read still have to exist (cnt.grps_list); dns and shmem are read in full.
  for (const group of jsonResult(captures.get('cnt.grps_list')!) as string[]) {
    if (group !== 'dns' && group !== 'shmem') counters.define({ group, name: 'x' });
  }
  for (const name of jsonResult(captures.get('cnt.var_list')!) as string[]) {
    counters.define({ group: 'dns', name, description: name === 'slow_dns_request' ? (jsonResult(captures.get('cnt.help')!) as string) : undefined });
  }
  for (const [name, value] of shmemStats) counters.define({ group: 'shmem', name, read: () => value });
  if (shmemStats.size === 0) counters.define({ group: 'shmem', name: 'x' });
  const registry = new RpcRegistry();
  const help = jsonResult(captures.get('system.methodHelp')!) as string;
  registry.registerAll([
    ...systemCommands(registry),
    ...coreCommands(factsFrom(captures, memory)).map((m) => (m.name === 'core.uptime' ? { ...m, help } : m)),
    ...statsCommands(counters),
    ...counterCommands(counters),
  ]);
  // core.uptime gets the captured help text (ours is our own words); the lab had it registered.
  if (!registry.get('core.uptime')) registry.register({ name: 'core.uptime', help, handler: () => {} });
  return registry;
}

function binrpcParam([type, value]: [string, string | number]): BinrpcValue {
  return type === 's' ? str(String(value)) : type === 'i' ? int(Number(value)) : double(Number(value));
}

/** The struct of numbers a BINRPC reply carries (core.shmmem). */
function binrpcStructNumbers(hex: string): Record<string, number> {
  const reply = decodeReply(decodePacket(Buffer.from(hex, 'hex')));
  assert.equal(reply.kind, 'reply');
  const [struct] = (reply as { values: BinrpcValue[] }).values;
  assert.equal(struct?.type, 'struct');
  return Object.fromEntries((struct as { members: { name?: string; value: BinrpcValue }[] }).members.map((m) => [m.name, (m.value as { value: number }).value]));
}

function shmemLines(lines: string[]): Map<string, number> {
  return new Map(lines.map((l) => /^shmem:(\w+) = (\d+)$/.exec(l)!).map((m) => [m[1]!, Number(m[2])]));
}

function xmlShmmem(xml: string): Record<string, number> {
  return Object.fromEntries([...xml.matchAll(/<name>(\w+)<\/name><value><int>(\d+)<\/int>/g)].map((m) => [m[1], Number(m[2])]));
}

const captures = loadCaptures();
const byName = new Map(captures.map((c) => [c.name, c]));
const noMemory: MemorySnapshot = { total: 0, free: 0, used: 0, realUsed: 0, maxUsed: 0, fragments: 0 };

test('captured vectors are present', () => {
  assert.ok(captures.length >= 25, `${captures.length} captured cases`);
});

for (const capture of captures) {
  const unit = capture.name === 'core.shmmem_m' ? 20 : 0;
  const scaleUp = (values: Record<string, number>) =>
    memoryFromShmmem(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, k === 'fragments' ? v : v * 2 ** unit])));

  test(`BINRPC ${capture.name}: same bytes as Kamailio`, async () => {
    let memory = noMemory;
    let stats = new Map<string, number>();
    if (capture.name.startsWith('core.shmmem') && capture.name !== 'core.shmmem_bad') memory = scaleUp(binrpcStructNumbers(capture.binrpc));
    if (capture.name === 'stats.get_statistics_shmem') {
      const reply = decodeReply(decodePacket(Buffer.from(capture.binrpc, 'hex'))) as { values: { value: string }[] };
      stats = shmemLines(reply.values.map((v) => v.value));
    }
    const processor = new BinrpcRequestProcessor(registryFor(byName, memory, stats));
    const packet = decodePacket(encodeRequest(capture.method, capture.params.map(binrpcParam), 0x12345678));
    const answer = await processor.handle(packet, { channel: 'tcp' });
    assert.equal(answer.reply.toString('hex'), capture.binrpc);
  });

  test(`JSON-RPC ${capture.name}: same body and status as Kamailio`, async () => {
    let memory = noMemory;
    let stats = new Map<string, number>();
    const result = jsonResult(capture);
    if (capture.name.startsWith('core.shmmem') && capture.name !== 'core.shmmem_bad') memory = scaleUp(result as Record<string, number>);
    if (capture.name === 'stats.get_statistics_shmem') stats = shmemLines(result as string[]);
    const processor = new JsonRpcRequestProcessor(registryFor(byName, memory, stats));
    const params = capture.params.map(([t, v]) => (t === 's' ? JSON.stringify(v) : String(v)));
    const body = `{"jsonrpc":"2.0","method":"${capture.method}"${params.length ? `,"params":[${params.join(',')}]` : ''},"id":1}`;
    const answer = await processor.process(body, 'http');
    assert.ok(answer);
    assert.equal(answer.text, capture.json.body);
    assert.equal(answer.status, capture.json.status);
    // The reason phrase is the fault text as is (newline included); the HTTP writer makes it safe.
    assert.equal(answer.reason, capture.json.reason);
  });

  test(`XML-RPC ${capture.name}: same document as Kamailio`, async () => {
    let memory = noMemory;
    let stats = new Map<string, number>();
    if (capture.name.startsWith('core.shmmem') && capture.name !== 'core.shmmem_bad') memory = scaleUp(xmlShmmem(capture.xml));
    if (capture.name === 'stats.get_statistics_shmem') stats = shmemLines([...capture.xml.matchAll(/<string>([^<]*)<\/string>/g)].map((m) => m[1]!));
    const processor = new XmlRpcRequestProcessor(registryFor(byName, memory, stats));
    const params = capture.params
      .map(([t, v]) => {
        const tag = t === 's' ? 'string' : t === 'i' ? 'int' : 'double';
        return `<param><value><${tag}>${v}</${tag}></value></param>`;
      })
      .join('');
    const answer = await processor.process(`<?xml version="1.0"?><methodCall><methodName>${capture.method}</methodName><params>${params}</params></methodCall>`);
    assert.equal(answer, capture.xml);
  });
}
