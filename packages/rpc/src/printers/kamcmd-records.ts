import type { BinrpcValue } from '@kamkit/binrpc';

type Scalar = Extract<BinrpcValue, { type: 'int' | 'double' | 'str' | 'bytes' }>;
type Container = 'struct' | 'array';

/**
 * One record as kamcmd's reader hands it to the printer: kamcmd never sees a tree, it prints each
 * record as it reads it, container markers included. `depth` is the reader's struct depth plus
 * array depth right after reading the record, which is what the default layout indents by.
 */
export type KamcmdRecord =
  | { kind: 'scalar'; name?: string; value: Scalar; depth: number }
  | { kind: 'open'; container: Container; name?: string; depth: number }
  | { kind: 'close'; container: Container; depth: number }
  /** A record kamcmd's reader refuses (it stops the reply there with "ERROR:: while parsing..."). */
  | { kind: 'unreadable'; reason: string };

/** Flattens a decoded reply back into the record sequence kamcmd would read. */
export function* kamcmdRecords(values: readonly BinrpcValue[]): Generator<KamcmdRecord> {
  const depth = { structs: 0, arrays: 0 };
  for (const value of values) yield* walk(value, undefined, depth);
}

function* walk(
  value: BinrpcValue,
  name: string | undefined,
  depth: { structs: number; arrays: number },
): Generator<KamcmdRecord> {
  const named = name === undefined ? {} : { name };
  switch (value.type) {
    case 'avp':
      // A member name only exists on the wire in front of a struct member's value.
      yield { kind: 'unreadable', reason: 'member name outside a struct member' };
      return;
    case 'struct':
      depth.structs++;
      yield { kind: 'open', container: 'struct', ...named, depth: depth.structs + depth.arrays };
      for (const member of value.members) yield* walk(member.value, member.name, depth);
      depth.structs--;
      yield { kind: 'close', container: 'struct', depth: depth.structs + depth.arrays };
      return;
    case 'array':
      // kamcmd's reader rejects an AVP whose value is an array ("bad record"); unnamed arrays are fine.
      if (name !== undefined) {
        yield { kind: 'unreadable', reason: `struct member "${name}" holds an array` };
        return;
      }
      depth.arrays++;
      yield { kind: 'open', container: 'array', depth: depth.structs + depth.arrays };
      for (const item of value.items) yield* walk(item, undefined, depth);
      depth.arrays--;
      yield { kind: 'close', container: 'array', depth: depth.structs + depth.arrays };
      return;
    default:
      yield { kind: 'scalar', ...named, value, depth: depth.structs + depth.arrays };
  }
}
