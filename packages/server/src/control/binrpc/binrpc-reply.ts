import { recordSize, type BinrpcValue, type StructMember } from '@kamkit/binrpc';
import type { RpcContainer, RpcEntry } from '../../rpc/rpc-container.js';
import type { RpcValue } from '../../rpc/rpc-value.js';

/** What the ctl module writes for a NULL string. */
export const BINRPC_NULL_TEXT = '<null string>';

/**
 * One reply value as BINRPC records (§1.5): `d t b u` are INTs (32 bits), `f` and the 64-bit
 * chars are fixed-point DOUBLEs, and arrays are STRUCTs of unnamed values, never type-4 ARRAYs.
 */
export function toBinrpcValue(value: RpcValue): BinrpcValue {
  if ('kind' in value) {
    const members: StructMember[] = value.entries.map((entry) =>
      entry.name === undefined ? { value: toBinrpcValue(entry.value) } : { name: entry.name, value: toBinrpcValue(entry.value) },
    );
    return { type: 'struct', members };
  }
  switch (value.type) {
    case 'd':
    case 'u':
    case 't':
      return { type: 'int', value: Math.trunc(value.value) | 0 };
    case 'b':
      return { type: 'int', value: value.value ? 1 : 0 };
    case 'f':
      return { type: 'double', value: value.value };
    case 'l':
    case 'j':
    case 'L':
    case 'J':
      return { type: 'double', value: Number(value.type === 'j' || value.type === 'J' ? BigInt.asUintN(64, value.value) : BigInt.asIntN(64, value.value)) };
    case 's':
      return { type: 'str', value: value.value ?? BINRPC_NULL_TEXT };
  }
}

/** ctl's reply buffer limits (§2.8), in bytes. */
export interface BinrpcLimits {
  /** binrpc_max_body_size: the top-level records. */
  maxBodySize: number;
  /** binrpc_struct_max_body_size: each struct's own members. */
  structMaxBodySize: number;
}

export const DEFAULT_BINRPC_LIMITS: BinrpcLimits = { maxBodySize: 32 * 1024, structMaxBodySize: 8 * 1024 };

/** Bytes a value takes in its parent's buffer: a nested struct only costs its two markers there. */
function ownSize(value: RpcValue): number {
  return 'kind' in value ? 2 : recordSize(toBinrpcValue(value));
}

function nameSize(name: string | undefined): number {
  return name === undefined ? 0 : recordSize({ type: 'avp', value: name });
}

/**
 * Accounts for Kamailio's per-buffer limits: each struct is built in its own buffer and spliced into
 * its parent at send time, so an add fails when its own buffer is full, not the whole reply.
 */
export class BinrpcSizeAccount {
  private topUsed = 0;
  private readonly structUsed = new Map<RpcContainer, number>();

  constructor(private readonly limits: BinrpcLimits) {}

  admit(container: RpcContainer, entry: RpcEntry): boolean {
    const used = this.structUsed.get(container) ?? 0;
    const size = nameSize(entry.name) + ownSize(entry.value);
    if (used + size > this.limits.structMaxBodySize) return false;
    this.structUsed.set(container, used + size);
    return true;
  }

  admitTop(value: RpcValue): boolean {
    const size = ownSize(value);
    if (this.topUsed + size > this.limits.maxBodySize) return false;
    this.topUsed += size;
    return true;
  }
}
