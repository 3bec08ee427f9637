import type { BinrpcValue } from '@kamkit/binrpc';
import { cBytes, cInt, cText, kamcmdDouble } from './c-printf.js';
import { nextFormatPiece, unescapeKamcmdFormat } from './kamcmd-format.js';
import { kamcmdRecords, type KamcmdRecord } from './kamcmd-records.js';

/**
 * The reply holds a record kamcmd's own reader rejects (a member name outside a struct, a struct
 * member whose value is an array). kamcmd prints what it had printed so far, then fails with an
 * error on stderr and exit status 255; `output` is that partial stdout.
 */
export class KamcmdPrintError extends Error {
  override name = 'KamcmdPrintError';
  constructor(
    readonly output: string,
    /** 0-based index of the refused record in the reply's record sequence. */
    readonly recordIndex: number,
    reason: string,
  ) {
    super(`while parsing the record ${recordIndex}: bad record (${reason})`);
  }
}

/**
 * A reply printed as kamcmd 5.6.3 prints it on stdout.
 *
 * Without `format`: one line per record, indented with tabs. With `format` (the raw `-f` argument
 * or an alias format): the format's text with each `%v` replaced by the next record, unindented.
 * An empty reply prints nothing by default, and the whole format with empty values under `-f`.
 */
export function formatKamcmdReply(records: readonly BinrpcValue[], format?: string): string {
  return format === undefined ? printDefault(records) : printFormatted(records, unescapeKamcmdFormat(format));
}

/** A fault, always on stdout through kamcmd's built-in format: `error: <code> - <message>\n`. */
export function formatKamcmdFault(code: number, message: string): string {
  const fault: BinrpcValue[] = [
    { type: 'int', value: code },
    { type: 'str', value: message },
  ];
  return `error: ${printFormatted(fault, '%v - %v\n')}`;
}

function printDefault(records: readonly BinrpcValue[]): string {
  let out = '';
  let index = 0;
  for (const record of kamcmdRecords(records)) {
    if (record.kind === 'unreadable') throw new KamcmdPrintError(out, index, record.reason);
    // A struct start sits one level left of its members, so `{`/`}` line up; array starts do not.
    const indent = record.kind === 'open' && record.container === 'struct' ? record.depth - 1 : record.depth;
    out += `${'\t'.repeat(Math.max(0, indent))}${renderRecord(record)}\n`;
    index++;
  }
  return out;
}

/**
 * Applies the format cyclically: before each record, the literal text up to the next `%v`
 * (starting over when the format runs out); after the last record, the rest of the format.
 */
function printFormatted(records: readonly BinrpcValue[], format: string): string {
  let out = '';
  let at = 0;
  let formatHasSlot = false;
  let index = 0;
  for (const record of kamcmdRecords(records)) {
    for (;;) {
      if (at >= format.length) at = 0;
      const piece = nextFormatPiece(format, at);
      out += piece.text;
      at = piece.next;
      if (piece.slot) {
        formatHasSlot = true;
        break;
      }
      // Quirk kept from kamcmd: a format that has shown no %v yet is printed once, whole, in
      // front of each record (`-f 'x\n'` on 1, 2 prints "x\n1x\n2").
      if (at >= format.length && !formatHasSlot) break;
    }
    if (record.kind === 'unreadable') throw new KamcmdPrintError(`${out}\n`, index, record.reason);
    out += renderRecord(record);
    index++;
  }
  while (at < format.length) {
    const piece = nextFormatPiece(format, at);
    out += piece.text;
    at = piece.next;
  }
  return out;
}

/** One record's text without indentation: `name: value`, `name: {`, `}`, `[`, `]`. */
function renderRecord(record: Exclude<KamcmdRecord, { kind: 'unreadable' }>): string {
  const prefix = record.kind !== 'close' && record.name !== undefined ? `${cText(record.name)}: ` : '';
  switch (record.kind) {
    case 'open':
      return prefix + (record.container === 'struct' ? '{' : '[');
    case 'close':
      return record.container === 'struct' ? '}' : ']';
    case 'scalar':
      return prefix + renderScalar(record.value);
  }
}

function renderScalar(value: Extract<KamcmdRecord, { kind: 'scalar' }>['value']): string {
  switch (value.type) {
    case 'int':
      return cInt(value.value);
    case 'double':
      return kamcmdDouble(value.value);
    case 'str':
      return cText(value.value);
    case 'bytes':
      return cBytes(value.value);
  }
}
