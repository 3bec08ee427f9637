/** Record type codes, the low nibble of every record header byte. */
export const RecordType = {
  Int: 0,
  Str: 1,
  Double: 2,
  Struct: 3,
  Array: 4,
  Avp: 5,
  Bytes: 6,
} as const;
export type RecordTypeCode = (typeof RecordType)[keyof typeof RecordType];

/** A decoded (or to-be-encoded) BINRPC record tree. */
export type BinrpcValue =
  | { type: 'int'; value: number }
  | { type: 'str'; value: string }
  | { type: 'double'; value: number }
  | { type: 'bytes'; value: Uint8Array }
  | { type: 'avp'; value: string }
  | { type: 'struct'; members: StructMember[] }
  | { type: 'array'; items: BinrpcValue[] };

/**
 * One entry of a struct. Kamailio writes named members (an AVP record followed by its value);
 * arrays built with the RPC API travel as structs of unnamed values, so `name` is optional.
 */
export interface StructMember {
  name?: string;
  value: BinrpcValue;
}

export const int = (value: number): BinrpcValue => ({ type: 'int', value });
export const str = (value: string): BinrpcValue => ({ type: 'str', value });
export const double = (value: number): BinrpcValue => ({ type: 'double', value });
export const bytes = (value: Uint8Array): BinrpcValue => ({ type: 'bytes', value });
export const avp = (value: string): BinrpcValue => ({ type: 'avp', value });
export const struct = (members: StructMember[]): BinrpcValue => ({ type: 'struct', members });
export const array = (items: BinrpcValue[]): BinrpcValue => ({ type: 'array', items });
