/**
 * Column values in backup files: JSON, with the few types JSON has no word for spelled out.
 * Dates and times arrive as the server's text (see the engines), so they round-trip unchanged.
 */
export type StoredValue = string | number | boolean | null | { readonly base64: string };

export function encodeValue(value: unknown): StoredValue {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return { base64: Buffer.from(value).toString('base64') };
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return sqlDateTime(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

export function decodeValue(value: StoredValue): unknown {
  if (value !== null && typeof value === 'object') return Buffer.from(value.base64, 'base64');
  return value;
}

/** 'YYYY-MM-DD HH:MM:SS' (local time, as the servers' DATETIME text). */
function sqlDateTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
