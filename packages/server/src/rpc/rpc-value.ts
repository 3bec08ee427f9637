import type { RpcContainer } from './rpc-container.js';

/**
 * One value a handler adds to a reply, tagged with the format character Kamailio's `add` would use,
 * because every transport encodes the characters differently (§1.5: `u` is an INT in BINRPC but an
 * unsigned number in JSON, `l/j/L/J` travel as BINRPC doubles, `t` is a date string in JSON...).
 */
export type RpcScalar =
  | { type: 'd'; value: number }
  | { type: 'u'; value: number }
  | { type: 'b'; value: boolean }
  | { type: 't'; value: number }
  | { type: 'f'; value: number }
  | { type: 'l' | 'j' | 'L' | 'J'; value: bigint }
  | { type: 's'; value: string | null };

export type RpcValue = RpcScalar | RpcContainer;

export type RpcScalarType = RpcScalar['type'];

/** Value constructors, one per `add` format character. */
export const rpcInt = (value: number): RpcScalar => ({ type: 'd', value });
export const rpcUint = (value: number): RpcScalar => ({ type: 'u', value });
export const rpcBool = (value: boolean): RpcScalar => ({ type: 'b', value });
/** Seconds since the epoch. */
export const rpcTime = (value: number): RpcScalar => ({ type: 't', value });
export const rpcDouble = (value: number): RpcScalar => ({ type: 'f', value });
/** A 64-bit value; `l`/`L` signed, `j`/`J` unsigned (all the same on x86_64 Linux). */
export const rpcLong = (value: bigint | number, type: 'l' | 'j' | 'L' | 'J' = 'l'): RpcScalar => ({
  type,
  value: BigInt(typeof value === 'number' ? Math.trunc(value) : value),
});
/** A string; `null` is Kamailio's NULL string (`<null string>`, JSON `null`). */
export const rpcStr = (value: string | null): RpcScalar => ({ type: 's', value });

export function isContainer(value: RpcValue): value is RpcContainer {
  return (value as RpcContainer).kind !== undefined;
}
