// Replies of the real Kamailio 5.6.3 captured by fixtures/capture-stats.mjs, and the same requests
// replayed against a registry of ours on the three request processors.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodePacket, decodeReply, encodeRequest, int, str, type BinrpcValue } from '@kamkit/binrpc';
import { BinrpcRequestProcessor } from '../src/control/binrpc/binrpc-request-processor.js';
import { JsonRpcRequestProcessor } from '../src/control/jsonrpc/jsonrpc-request-processor.js';
import { XmlRpcRequestProcessor } from '../src/control/xmlrpc/xmlrpc-request-processor.js';
import type { RpcRegistry } from '../src/rpc/index.js';

/** `packages/server/test/fixtures/captured-stats/<set>/` (tests run from `packages/server/dist/test/`). */
const CAPTURED = fileURLToPath(new URL('../../test/fixtures/captured-stats/', import.meta.url));

export type Transport = 'binrpc' | 'jsonrpc' | 'xmlrpc';
export const TRANSPORTS: readonly Transport[] = ['binrpc', 'jsonrpc', 'xmlrpc'];

export interface StatsCapture {
  name: string;
  method: string;
  /** [type, value]: `s` string, `i` int. */
  params: [string, string | number][];
  /** What Kamailio answered: the BINRPC packet in hex, the JSON-RPC and XML-RPC HTTP bodies. */
  replies: Record<Transport, string>;
}

/** One captured request as its files hold it, before a test picks out what it compares. */
export interface CaptureFiles {
  name: string;
  method: string;
  /** [type, value]: `s` string, `i` int. */
  params: [string, string | number][];
  /** `<name>.binrpc.hex`, `<name>.jsonrpc.http` and `<name>.xmlrpc.http`, as written. */
  binrpcHex: string;
  jsonrpcHttp: string;
  xmlrpcHttp: string;
}

/** Every `<name>.request.json` in `dir` (sorted by name) with its three reply files. */
export function readCaptureFiles(dir: string): CaptureFiles[] {
  const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.request.json'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.request.json'.length);
      const { method, params } = JSON.parse(read(f)) as { method: string; params: [string, string | number][] };
      return {
        name,
        method,
        params,
        binrpcHex: read(`${name}.binrpc.hex`),
        jsonrpcHttp: read(`${name}.jsonrpc.http`),
        xmlrpcHttp: read(`${name}.xmlrpc.http`),
      };
    });
}

const httpBody = (raw: string) => raw.slice(raw.indexOf('\r\n\r\n') + 4);

export function loadStatsCaptures(set: 'lab' | 'names'): StatsCapture[] {
  return readCaptureFiles(path.join(CAPTURED, set)).map(({ name, method, params, binrpcHex, jsonrpcHttp, xmlrpcHttp }) => ({
    name,
    method,
    params,
    replies: { binrpc: binrpcHex.trim(), jsonrpc: httpBody(jsonrpcHttp), xmlrpc: httpBody(xmlrpcHttp) },
  }));
}

/** The `"group.name": value` members of a captured stats.fetch/fetchn reply, in reply order. */
export function fetchedValues(capture: StatsCapture, transport: Transport): [string, number][] {
  if (transport === 'binrpc') {
    const reply = decodeReply(decodePacket(Buffer.from(capture.replies.binrpc, 'hex')));
    if (reply.kind !== 'reply' || reply.values[0]?.type !== 'struct') return [];
    return reply.values[0].members.map((m) => [m.name ?? '', Number((m.value as { value: string | number }).value)]);
  }
  if (transport === 'jsonrpc') {
    const result = (JSON.parse(capture.replies.jsonrpc) as { result?: unknown }).result;
    return result && typeof result === 'object' ? Object.entries(result).map(([k, v]) => [k, Number(v)]) : [];
  }
  const members = capture.replies.xmlrpc.matchAll(/<member><name>([^<]*)<\/name><value><(?:string|double)>([^<]*)</g);
  return [...members].map((m) => [m[1]!, Number(m[2])]);
}

/** Our answer to the captured request on one transport, in the form `replies` holds. */
export async function replay(registry: RpcRegistry, capture: StatsCapture, transport: Transport): Promise<string> {
  const { method, params } = capture;
  if (transport === 'binrpc') {
    const values: BinrpcValue[] = params.map(([t, v]) => (t === 's' ? str(String(v)) : int(Number(v))));
    const packet = decodePacket(encodeRequest(method, values, 0x12345678));
    return (await new BinrpcRequestProcessor(registry).handle(packet, { channel: 'tcp' })).reply.toString('hex');
  }
  if (transport === 'jsonrpc') {
    const json = params.map(([t, v]) => (t === 's' ? JSON.stringify(v) : String(v)));
    const body = `{"jsonrpc":"2.0","method":"${method}"${json.length ? `,"params":[${json.join(',')}]` : ''},"id":1}`;
    return (await new JsonRpcRequestProcessor(registry).process(body, 'http'))?.text ?? '<no answer>';
  }
  const xml = params.map(([t, v]) => (t === 's' ? `<string>${v}</string>` : `<int>${v}</int>`));
  const body = xml.map((value) => `<param><value>${value}</value></param>`).join('');
  return new XmlRpcRequestProcessor(registry).process(`<?xml version="1.0"?><methodCall><methodName>${method}</methodName><params>${body}</params></methodCall>`);
}
