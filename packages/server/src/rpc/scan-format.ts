/** A scan character that consumes a parameter (§1.3); `{` reads a struct (XML-RPC only). */
export type ScanChar = 'b' | 't' | 'd' | 'u' | 'f' | 'l' | 'j' | 'L' | 'J' | 's' | 'S' | '{';

/** A struct parameter (XML-RPC `<struct>`), read member by member like Kamailio's struct_scan. */
export interface RpcStructParam {
  /** Reads member `name` as `char`; undefined when missing or of the wrong type. */
  member<C extends Exclude<ScanChar, '{'>>(name: string, char: C): ScanCharValue<C> | undefined;
}

/** What a scan character yields in TS. 64-bit scans give numbers (BINRPC sends them as doubles). */
export type ScanCharValue<C> = C extends 'b' | 't' | 'd' | 'u' | 'f' | 'l' | 'j' | 'L' | 'J'
  ? number
  : C extends 's' | 'S'
    ? string
    : C extends '{'
      ? RpcStructParam
      : never;

/**
 * The tuple a format string scans into: `scan('SS*d')` → `[string, string, number | undefined]`.
 * `*` makes every later parameter optional; `.` (auto-conversion) does not change the type.
 */
export type ScanTuple<F extends string, Optional extends boolean = false> = F extends `${infer C}${infer Rest}`
  ? C extends '*'
    ? ScanTuple<Rest, true>
    : C extends '.'
      ? ScanTuple<Rest, Optional>
      : [Optional extends true ? ScanCharValue<C> | undefined : ScanCharValue<C>, ...ScanTuple<Rest, Optional>]
  : [];

/**
 * Kamailio's scan return value as a record: `count` parameters were stored; `ok` is false when a
 * mandatory parameter (before `*`) was missing or unreadable, which is Kamailio's negative return.
 * After `*` the scan just stops at the first missing or unreadable parameter.
 */
export type ScanResult<F extends string> =
  | { ok: true; count: number; values: ScanTuple<F> }
  | { ok: false; count: number; values: Partial<ScanTuple<F>> };

export interface ScanStep {
  char: ScanChar;
  optional: boolean;
  autoconvert: boolean;
}

const SCAN_CHARS = new Set<string>(['b', 't', 'd', 'u', 'f', 'l', 'j', 'L', 'J', 's', 'S', '{']);

/** Splits a format into steps; returns the offending character for an invalid one. */
export function parseScanFormat(format: string): { steps: ScanStep[] } | { invalid: string } {
  const steps: ScanStep[] = [];
  let optional = false;
  let autoconvert = false;
  for (const char of format) {
    if (char === '*') optional = true;
    else if (char === '.') autoconvert = true;
    else if (SCAN_CHARS.has(char)) {
      steps.push({ char: char as ScanChar, optional, autoconvert });
      autoconvert = false;
    } else return { invalid: char };
  }
  return { steps };
}
