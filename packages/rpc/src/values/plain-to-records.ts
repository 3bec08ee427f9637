import type { BinrpcValue } from '@kamkit/binrpc';

/**
 * The reverse of recordsToPlain, for printing JSON-RPC and XML-RPC replies the way kamcmd prints
 * BINRPC ones: objects become structs, arrays of one-member objects become structs with those
 * members, other arrays structs of unnamed values (which is how Kamailio puts arrays on the wire).
 */
export function plainToRecord(value: unknown): BinrpcValue {
  if (value === null || value === undefined) return { type: 'str', value: '<null string>' };
  if (typeof value === 'string') return { type: 'str', value };
  if (typeof value === 'boolean') return { type: 'int', value: value ? 1 : 0 };
  if (typeof value === 'number') {
    return Number.isInteger(value) && Math.abs(value) <= 0xffffffff
      ? { type: 'int', value: value | 0 }
      : { type: 'double', value };
  }
  if (Array.isArray(value)) {
    return {
      type: 'struct',
      members: value.flatMap((item) => {
        if (isOneMemberObject(item)) {
          const [name, inner] = Object.entries(item)[0]!;
          return [{ name, value: plainToRecord(inner) }];
        }
        return [{ value: plainToRecord(item) }];
      }),
    };
  }
  if (typeof value === 'object') {
    return {
      type: 'struct',
      members: Object.entries(value as Record<string, unknown>).map(([name, inner]) => ({ name, value: plainToRecord(inner) })),
    };
  }
  return { type: 'str', value: String(value) };
}

function isOneMemberObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1;
}

/**
 * A JSON-RPC result as top-level records: an array result is several records (RET_ARRAY methods
 * such as system.listMethods), an empty object none.
 */
export function plainToRecords(result: unknown): BinrpcValue[] {
  if (Array.isArray(result)) return result.map(plainToRecord);
  if (typeof result === 'object' && result !== null && Object.keys(result).length === 0) return [];
  return [plainToRecord(result)];
}
