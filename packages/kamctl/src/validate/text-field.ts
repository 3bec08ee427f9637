import { ValidationError } from './validation-error.js';

/** Free text for a column of `maxLength` characters: anything but NUL, stored verbatim. */
export function validateText(value: string, what: string, maxLength: number): string {
  if (value.includes('\0')) throw new ValidationError(what, value, 'contains a NUL character');
  if ([...value].length > maxLength) throw new ValidationError(what, value, `longer than ${maxLength} characters`);
  return value;
}
