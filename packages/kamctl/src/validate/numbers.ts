import { ValidationError } from './validation-error.js';

/** A decimal integer within [min, max]; no hex, no exponent, no blanks. */
export function parseInteger(text: string, what: string, min: number, max: number): number {
  if (!/^[+-]?\d+$/.test(text)) throw new ValidationError(what, text, 'not a decimal integer');
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ValidationError(what, text, `out of range ${min}-${max}`);
  }
  return value;
}

export const INT32_MIN = -0x80000000;
export const INT32_MAX = 0x7fffffff;

/** Port 0-65535 (0 = any port, as in the address table). */
export const parsePort = (text: string, what = 'port'): number => parseInteger(text, what, 0, 65535);
/** Dispatcher set ids, group ids: non-negative 32-bit. */
export const parseSetId = (text: string, what = 'set id'): number => parseInteger(text, what, 0, INT32_MAX);
/** Dispatcher flags / priority: signed 32-bit columns. */
export const parseInt32 = (text: string, what: string): number => parseInteger(text, what, INT32_MIN, INT32_MAX);
