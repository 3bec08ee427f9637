/**
 * The few C printf conversions kamcmd uses, reproduced in TypeScript so the text matches glibc's
 * byte for byte.
 */

/** `printf("%d", int)`: kamcmd holds every INT in a C int, so anything wider wraps to 32 bits. */
export function cInt(value: number): string {
  return String(value | 0);
}

/**
 * `printf("%.*s", len, s)`: printf stops at the first NUL even when the length says more, so a
 * string with an embedded NUL prints only its head.
 */
export function cText(text: string): string {
  const nul = text.indexOf('\0');
  return nul < 0 ? text : text.slice(0, nul);
}

const utf8 = new TextDecoder('utf-8');

/** BYTES go through the same `%.*s` as strings. */
export function cBytes(bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  return utf8.decode(nul < 0 ? bytes : bytes.subarray(0, nul));
}

const TWO_TO_63 = 2 ** 63;

/**
 * kamcmd 5.6's DOUBLE rule: when the value survives a cast to `long long` unchanged it is printed
 * with `%lld` (so -1.0 is `-1`), otherwise with `%f`.
 */
export function kamcmdDouble(value: number): string {
  // Out of range the x86 cast yields INT64_MIN, which only equals the value for -2^63 itself.
  if (Number.isInteger(value) && value >= -TWO_TO_63 && value < TWO_TO_63) return BigInt(value).toString();
  return cFixed6(value);
}

/**
 * `printf("%f", x)`: six decimals, rounded from the exact binary value with ties to even as glibc
 * does (Number#toFixed rounds ties up and switches to exponent notation past 1e21).
 */
export function cFixed6(value: number): string {
  if (Number.isNaN(value)) return 'nan'; // glibc writes "-nan" for a negative NaN; JS cannot see that sign
  if (!Number.isFinite(value)) return value < 0 ? '-inf' : 'inf';
  const negative = value < 0 || Object.is(value, -0);
  const { mantissa, exponent } = exactBinary(Math.abs(value));
  const scale = 1_000_000n;
  let units: bigint;
  if (exponent >= 0) {
    units = (mantissa << BigInt(exponent)) * scale;
  } else {
    const numerator = mantissa * scale;
    const denominator = 1n << BigInt(-exponent);
    units = numerator / denominator;
    const twiceRest = (numerator % denominator) * 2n;
    if (twiceRest > denominator || (twiceRest === denominator && (units & 1n) === 1n)) units += 1n;
  }
  const digits = units.toString().padStart(7, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -6)}.${digits.slice(-6)}`;
}

/** A finite, non-negative double as mantissa × 2^exponent, exactly. */
function exactBinary(value: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  if (biased === 0) return { mantissa: fraction, exponent: -1074 }; // subnormal
  return { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}
