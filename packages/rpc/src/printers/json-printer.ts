/** `--json` output of the CLIs: one JSON document per reply (or per error), newline-terminated. */

export interface JsonPrintOptions {
  /** 2-space indentation (default); `false` prints the document on one line. */
  pretty?: boolean;
}

/** What `formatJsonError` needs from an error: RpcFault, TransportError, TimeoutError, ProtocolError... */
export interface JsonPrintableError {
  name: string;
  message: string;
  /** A fault code (number) or a system error code such as `ENOENT`. */
  code?: number | string;
  target?: string;
}

/**
 * A value as one JSON document plus `\n`. Values JSON has no form for are mapped rather than lost:
 * `undefined` (no result) prints `null`, bigints print as numbers when exact and as decimal strings
 * otherwise, and bytes print as a latin1 string (as `recordToPlain` shows BINRPC BYTES).
 */
export function formatJson(value: unknown, options: JsonPrintOptions = {}): string {
  const text = JSON.stringify(value, jsonSafe, options.pretty === false ? undefined : 2);
  return `${text ?? 'null'}\n`;
}

/**
 * An error as `{"error": {"type", "code"?, "message", "target"?}}`, keys always in that order and
 * absent ones left out, so scripts can rely on the shape.
 */
export function formatJsonError(error: JsonPrintableError, options: JsonPrintOptions = {}): string {
  const body: Record<string, unknown> = { type: error.name };
  if (error.code !== undefined && error.code !== null) body['code'] = error.code;
  body['message'] = error.message;
  if (error.target !== undefined && error.target !== null) body['target'] = error.target;
  return formatJson({ error: body }, options);
}

function jsonSafe(this: unknown, key: string, value: unknown): unknown {
  if (typeof value === 'bigint') {
    const asNumber = Number(value);
    return Number.isSafeInteger(asNumber) ? asNumber : value.toString();
  }
  // Buffer's toJSON has already run on `value`; the holder still has the bytes themselves.
  const original = (this as Record<string, unknown>)[key];
  if (original instanceof Uint8Array) {
    return Buffer.from(original.buffer, original.byteOffset, original.byteLength).toString('latin1');
  }
  return value;
}
