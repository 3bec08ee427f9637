import type { BinrpcValue, StructMember } from '@kamkit/binrpc';

/**
 * Members that Kamailio 5.6 builds as arrays (`[` in struct_add) and BINRPC cannot tell from structs:
 * with a single element they would otherwise come out as objects, not as JSON-RPC shows them.
 */
export const ARRAY_MEMBER_NAMES: ReadonlySet<string> = new Set(['AoRs', 'Contacts', 'Domains', 'RECORDS', 'TARGETS', 'aliases', 'slot']);

/** How Kamailio writes a NULL string over BINRPC; JSON-RPC shows it as null. */
export const BINRPC_NULL_STRING = '<null string>';

/**
 * Converts a record tree to the plain values JSON-RPC would show. Kamailio writes RPC arrays as
 * structs, so: a struct whose members are all named and unique is an object; one with a repeated
 * name becomes an array of one-member objects (JSON-RPC's shape for struct_add on an array);
 * unnamed members become plain array elements. Members named in ARRAY_MEMBER_NAMES are always
 * arrays, and Kamailio's NULL string marker is null.
 */
export function recordToPlain(value: BinrpcValue, arrayMember = false): unknown {
  switch (value.type) {
    case 'int':
    case 'double':
    case 'avp':
      return value.value;
    case 'str':
      return value.value === BINRPC_NULL_STRING ? null : value.value;
    case 'bytes':
      return Buffer.from(value.value).toString('latin1');
    case 'array':
      return value.items.map((item) => recordToPlain(item));
    case 'struct':
      return structToPlain(value.members, arrayMember);
  }
}

function structToPlain(members: StructMember[], asArray: boolean): unknown {
  if (!asArray) {
    const object: Record<string, unknown> = {};
    let unique = true;
    for (const member of members) {
      if (member.name === undefined || Object.prototype.hasOwnProperty.call(object, member.name)) {
        unique = false;
        break;
      }
      setMember(object, member.name, memberToPlain(member));
    }
    if (unique) return object;
  }
  return members.map((member) => {
    if (member.name === undefined) return memberToPlain(member);
    const single: Record<string, unknown> = {};
    setMember(single, member.name, memberToPlain(member));
    return single;
  });
}

/** A member named `__proto__` from a server is data, not a prototype change. */
function setMember(object: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__') Object.defineProperty(object, name, { value, enumerable: true, writable: true, configurable: true });
  else object[name] = value;
}

function memberToPlain(member: StructMember): unknown {
  return recordToPlain(member.value, member.name !== undefined && ARRAY_MEMBER_NAMES.has(member.name));
}

/**
 * A whole reply body. With `retArray` (the method is registered RET_ARRAY) it is always an array;
 * otherwise no value is `{}` (as JSON-RPC shows an empty result), one value is itself, several an array.
 */
export function recordsToPlain(records: readonly BinrpcValue[], retArray = false): unknown {
  if (retArray) return records.map((record) => recordToPlain(record));
  if (records.length === 0) return {};
  if (records.length === 1) return recordToPlain(records[0]!);
  return records.map((record) => recordToPlain(record));
}
