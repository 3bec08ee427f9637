import type { BinrpcValue } from '@kamkit/binrpc';
import type { ParamRead, ParamSource } from '../../rpc/param-source.js';
import type { ScanChar, ScanStep } from '../../rpc/scan-format.js';
import { toInt32 } from '../c-casts.js';

/** Kamailio's names for record types in scan faults ("expected integer type but ..."). */
const TYPE_NAMES: Record<BinrpcValue['type'], string> = {
  int: 'integer',
  str: 'string',
  double: 'float',
  struct: 'structure',
  array: 'array',
  avp: 'structure member',
  bytes: 'bytes array',
};

/** The record type each scan character wants without conversion (§2.7). */
function expectedType(char: Exclude<ScanChar, '{'>): BinrpcValue['type'] {
  if (char === 's' || char === 'S') return 'str';
  if (char === 'f' || char === 'l' || char === 'j' || char === 'L' || char === 'J') return 'double';
  return 'int';
}

/** BINRPC error texts Kamailio appends to scan faults. */
export const BINRPC_ERR = {
  moreData: 'more data needed',
  endOfPacket: 'end of packet encountered',
  typeMismatch: "record doesn't match type",
  badRecord: 'bad record',
  bug: 'bug -- internal error',
} as const;

/** A C `strtol`-style full parse: optional blanks and sign, decimal digits, nothing after. */
function parseWholeInt(text: string): number | undefined {
  const match = /^[ \t\n\r\f\v]*([+-]?\d+)$/.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** `strtod` of the longest numeric prefix; 0 when there is none. */
function parseDoublePrefix(text: string): number {
  const match = /^[ \t\n\r\f\v]*([+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|inf(?:inity)?|nan))/i.exec(text);
  if (!match) return 0;
  const token = match[1]!.toLowerCase();
  if (token.endsWith('inf') || token.endsWith('infinity')) return token.startsWith('-') ? -Infinity : Infinity;
  if (token.endsWith('nan')) return NaN;
  return Number(match[1]);
}

/** Scan-time view of an int for `u` (the same 32 bits read unsigned) and the signed chars. */
function intFor(char: ScanChar, value: number): number {
  return char === 'u' ? value >>> 0 : value;
}

/**
 * Positional parameters of a BINRPC request, typed as the ctl module types them (§2.7): exact record
 * types unless `.` or the `autoconversion` modparam allows conversions. A failure leaves the
 * position unchanged and stores `error at parameter N: expected T type but E` for the driver.
 */
export class BinrpcParams implements ParamSource {
  private index = 0;

  /**
   * @param values the decoded parameter records
   * @param autoconversion modparam("ctl", "autoconversion", 1)
   * @param broken the BINRPC error of a record that could not be decoded: every parameter from
   *   there on fails with it (Kamailio decodes lazily, so only a scan that reaches it fails)
   */
  constructor(
    private readonly values: readonly BinrpcValue[],
    private readonly autoconversion = false,
    private readonly broken?: string,
  ) {}

  get remaining(): number {
    return this.values.length - this.index;
  }

  read(step: ScanStep): ParamRead {
    if (step.char === '{') return { ok: false, end: false, raise: { code: 500, message: 'internal server error, type 3 not supported' } };
    const record = this.values[this.index];
    const expected = expectedType(step.char);
    if (!record) {
      const reason = this.broken ?? BINRPC_ERR.endOfPacket;
      // Running out after `*` is not an error; a broken record still is.
      if (step.optional && !this.broken) return { ok: false, end: true };
      return this.failure(TYPE_NAMES[expected], reason, !this.broken);
    }
    const converted = this.convert(step.char, record, step.autoconvert || this.autoconversion);
    if (typeof converted === 'object') return this.failure(converted.typeName, converted.reason, false);
    this.index++;
    return { ok: true, value: converted };
  }

  private convert(
    char: Exclude<ScanChar, '{'>,
    record: BinrpcValue,
    autoconvert: boolean,
  ): number | string | { typeName: string; reason: string } {
    const expected = expectedType(char);
    if (record.type === expected) {
      if (record.type === 'int') return intFor(char, record.value);
      if (record.type === 'str' || record.type === 'double') return record.value;
    }
    const mismatch = { typeName: TYPE_NAMES[autoconvert ? record.type : expected], reason: BINRPC_ERR.typeMismatch };
    if (!autoconvert) return mismatch;
    if (expected === 'int') {
      if (record.type === 'double') return intFor(char, toInt32(record.value));
      if (record.type === 'str') {
        const parsed = parseWholeInt(record.value);
        return parsed === undefined ? mismatch : intFor(char, toInt32(parsed));
      }
      return mismatch;
    }
    if (expected === 'double') {
      if (record.type === 'int') return record.value;
      if (record.type === 'str') return parseDoublePrefix(record.value);
      return mismatch;
    }
    // A string from an INT goes through an unsigned 64-bit cast (-5 → 18446744073709551611).
    if (record.type === 'int') return BigInt.asUintN(64, BigInt(record.value)).toString();
    if (record.type === 'double') return { typeName: TYPE_NAMES.double, reason: BINRPC_ERR.bug };
    return mismatch;
  }

  private failure(typeName: string, reason: string, end: boolean): ParamRead {
    return {
      ok: false,
      end,
      stored: { code: 400, message: `error at parameter ${this.index}: expected ${typeName} type but ${reason}` },
    };
  }
}
