import type { RpcOutcome } from '../../rpc/rpc-context.js';
import type { RpcValue } from '../../rpc/rpc-value.js';
import { printKamailioJson, type JsonOut } from './json-printer.js';

/** `t` values in JSON and XML-RPC: `YYYYMMDDTHH:MM:SS`, UTC. */
export function iso8601Basic(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/**
 * A reply value as JSON (§1.5): struct_add on an array appends a one-member object, `t` becomes a
 * date string, `b` a boolean, the 64-bit chars plain numbers.
 */
export function toJsonOut(value: RpcValue): JsonOut {
  if ('kind' in value) {
    if (value.kind === 'struct') {
      return { type: 'object', members: value.entries.map((e) => [e.name ?? '', toJsonOut(e.value)] as [string, JsonOut]) };
    }
    return {
      type: 'array',
      items: value.entries.map((e) =>
        e.name === undefined ? toJsonOut(e.value) : { type: 'object', members: [[e.name, toJsonOut(e.value)]] },
      ),
    };
  }
  switch (value.type) {
    case 'b':
      return { type: 'bool', value: value.value };
    case 't':
      return { type: 'string', value: iso8601Basic(value.value) };
    case 's':
      return { type: 'string', value: value.value };
    case 'u':
      return { type: 'number', value: value.value >>> 0 };
    case 'd':
      return { type: 'number', value: value.value | 0 };
    case 'l':
    case 'L':
      return { type: 'number', value: BigInt.asIntN(64, value.value) };
    case 'j':
    case 'J':
      return { type: 'number', value: BigInt.asUintN(64, value.value) };
    case 'f':
      return { type: 'number', value: value.value };
  }
}

/** Codes jsonrpcs answers with a fixed message whatever the handler wrote. */
const FIXED_MESSAGES = new Map<number, string>([
  [-32700, 'Parse Error'],
  [-32600, 'Invalid Request'],
  [-32601, 'Method Not Found'],
  [-32602, 'Invalid Parameters'],
  [-32603, 'Internal Error'],
  [-32000, 'Execution Error'],
]);

/** jsonrpcs keeps fault texts in a 128-byte buffer. */
const FAULT_TEXT_MAX = 127;

export function jsonFault(code: number, message: string): { code: number; message: string } {
  const effective = code === 0 ? -32000 : code;
  const fixed = FIXED_MESSAGES.get(effective);
  if (fixed) return { code: effective, message: fixed };
  const bytes = Buffer.from(message, 'utf8');
  const text = bytes.length > FAULT_TEXT_MAX ? bytes.subarray(0, FAULT_TEXT_MAX).toString('utf8') : message;
  return { code: effective, message: text === '' ? 'Unexpected Error' : text };
}

/** The response id as jsonrpcs echoes it: strings stay strings, anything else is its numeric value. */
export type JsonRpcId = { type: 'string'; value: string } | { type: 'number'; value: number };

/** The `result` member: the last value, or all of them for RET_ARRAY methods; empty → `{}` / `[]`. */
export function resultNode(values: readonly RpcValue[], retArray: boolean): JsonOut {
  if (retArray) return { type: 'array', items: values.map(toJsonOut) };
  const last = values[values.length - 1];
  return last ? toJsonOut(last) : { type: 'object', members: [] };
}

export interface JsonRpcResponse {
  text: string;
  /** HTTP status and reason: 200 OK, or the fault's code (> 100, else 500) and message. */
  status: number;
  reason: string;
}

export function buildJsonRpcResponse(outcome: RpcOutcome, retArray: boolean, id: JsonRpcId | undefined, pretty: boolean): JsonRpcResponse {
  const members: [string, JsonOut][] = [['jsonrpc', { type: 'string', value: '2.0' }]];
  let status = 200;
  let reason = 'OK';
  if (outcome.kind === 'fault') {
    const fault = jsonFault(outcome.code, outcome.message);
    members.push([
      'error',
      {
        type: 'object',
        members: [
          ['code', { type: 'number', value: fault.code }],
          ['message', { type: 'string', value: fault.message }],
        ],
      },
    ]);
    status = fault.code > 100 && fault.code <= 999 ? fault.code : 500;
    reason = fault.message;
  } else {
    members.push(['result', resultNode(outcome.values, retArray)]);
  }
  if (id) members.push(['id', id]);
  return { text: printKamailioJson({ type: 'object', members }, pretty), status, reason };
}
