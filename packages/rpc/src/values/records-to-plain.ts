import type { BinrpcValue, StructMember } from '@kamkit/binrpc';

/**
 * Converts a record tree to the plain values JSON-RPC would show. Kamailio writes RPC arrays as
 * structs, so: a struct whose members are all named and unique is an object; one with a repeated
 * name becomes an array of one-member objects (JSON-RPC's shape for struct_add on an array);
 * unnamed members become plain array elements.
 */
export function recordToPlain(value: BinrpcValue): unknown {
  switch (value.type) {
    case 'int':
    case 'double':
    case 'str':
    case 'avp':
      return value.value;
    case 'bytes':
      return Buffer.from(value.value).toString('latin1');
    case 'array':
      return value.items.map(recordToPlain);
    case 'struct':
      return structToPlain(value.members);
  }
}

function structToPlain(members: StructMember[]): unknown {
  const names = new Set<string>();
  let asArray = false;
  for (const member of members) {
    if (member.name === undefined || names.has(member.name)) asArray = true;
    else names.add(member.name);
  }
  if (asArray) {
    return members.map((member) =>
      member.name === undefined ? recordToPlain(member.value) : { [member.name]: recordToPlain(member.value) },
    );
  }
  const object: Record<string, unknown> = {};
  for (const member of members) object[member.name!] = recordToPlain(member.value);
  return object;
}

/** A whole reply body: no value is `{}` (as JSON-RPC shows an empty result), one value is itself, several an array. */
export function recordsToPlain(records: readonly BinrpcValue[]): unknown {
  if (records.length === 0) return {};
  if (records.length === 1) return recordToPlain(records[0]!);
  return records.map(recordToPlain);
}
