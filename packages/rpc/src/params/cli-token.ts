import { asDouble, asInt, asStr, type TypedParam } from './typed-param.js';

// C strtol (base 10) and strtod accept leading blanks and a sign, but must consume the whole token.
const C_LONG = /^[ \t\n\v\f\r]*[+-]?\d+$/;
const C_DOUBLE =
  /^[ \t\n\v\f\r]*[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?\d+)?|inf(?:inity)?|nan(?:\([0-9A-Za-z_]*\))?)$/i;
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

function parseCHexFloat(text: string): number {
  const match = /^([+-]?)0x([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?$/i.exec(text)!;
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  let value = whole ? parseInt(whole, 16) : 0;
  for (let i = 0; i < fraction.length; i++) value += parseInt(fraction[i]!, 16) / 16 ** (i + 1);
  value *= 2 ** Number(exponent);
  return sign === '-' ? -value : value;
}

function parseCDouble(token: string): number {
  const text = token.trim();
  const bare = text.replace(/^[+-]/, '').toLowerCase();
  const negative = text.startsWith('-');
  if (bare.startsWith('inf')) return negative ? -Infinity : Infinity;
  if (bare.startsWith('nan')) return NaN;
  if (bare.startsWith('0x')) return parseCHexFloat(text);
  return Number(text);
}

/**
 * Types one command-line token the way kamcmd does, shared by every kamkit CLI:
 * a whole base-10 integer is an int (truncated to 32 bits, the empty string is 0), a whole C double
 * (`1.5`, `1e3`, `0x10`, `inf`) is a double, anything else a string; `s:` forces a string and is removed.
 */
export function parseCliToken(token: string): TypedParam {
  if (token === '') return asInt(0);
  if (C_LONG.test(token)) {
    let value = BigInt(token.trim());
    // strtol saturates at the 64-bit limits before kamcmd keeps the low 32 bits.
    if (value > INT64_MAX) value = INT64_MAX;
    if (value < INT64_MIN) value = INT64_MIN;
    return asInt(Number(BigInt.asIntN(32, value)));
  }
  if (C_DOUBLE.test(token)) return asDouble(parseCDouble(token));
  return asStr(token.startsWith('s:') ? token.slice(2) : token);
}

/** Types a whole argument list. */
export function parseCliTokens(tokens: readonly string[]): TypedParam[] {
  return tokens.map(parseCliToken);
}
