import type { BinrpcValue } from '@kamkit/binrpc';

/** A parameter with an explicit wire type. */
export type TypedParam =
  | { kind: 'int'; value: number }
  | { kind: 'double'; value: number }
  | { kind: 'str'; value: string };

/**
 * What `call()` accepts: JS numbers go out as int when they are 32-bit integers and as double
 * otherwise, strings as str; TypedParam forces a type.
 */
export type RpcParam = number | string | boolean | TypedParam;

export const asInt = (value: number): TypedParam => ({ kind: 'int', value: Math.trunc(value) | 0 });
export const asDouble = (value: number): TypedParam => ({ kind: 'double', value });
export const asStr = (value: string): TypedParam => ({ kind: 'str', value });

/** Resolves a parameter to its explicit type. */
export function typeParam(param: RpcParam): TypedParam {
  if (typeof param === 'object') return param;
  if (typeof param === 'string') return asStr(param);
  if (typeof param === 'boolean') return asInt(param ? 1 : 0);
  return Number.isInteger(param) && param >= -0x80000000 && param <= 0x7fffffff ? asInt(param) : asDouble(param);
}

export function paramToRecord(param: RpcParam): BinrpcValue {
  const typed = typeParam(param);
  return typed.kind === 'int'
    ? { type: 'int', value: typed.value }
    : typed.kind === 'double'
      ? { type: 'double', value: typed.value }
      : { type: 'str', value: typed.value };
}

/** JSON-RPC has only numbers and strings; the type decides which. */
export function paramToJson(param: RpcParam): number | string {
  return typeParam(param).value;
}
