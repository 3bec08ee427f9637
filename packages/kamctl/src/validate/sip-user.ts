import { ValidationError } from './validation-error.js';

// RFC 3261 user: unreserved / escaped / user-unreserved (the set kamctl's USERNAME_RE allows),
// plus non-ASCII letters, which many deployments use and the columns store as they are.
const USER = /^(?:[-a-zA-Z0-9&=+$,;?/_.!~*'()]|%[0-9a-fA-F]{2}|[^\x00-\x7f\s])+$/u;

/** A SIP username as stored in subscriber.username and the other `username` columns (64 chars). */
export function validateSipUser(value: string, what = 'username', maxLength = 64): string {
  if (value === '') throw new ValidationError(what, value, 'empty');
  if ([...value].length > maxLength) throw new ValidationError(what, value, `longer than ${maxLength} characters`);
  if (!USER.test(value)) {
    throw new ValidationError(what, value, "only letters, digits, -_.!~*'()&=+$,;?/ and %XX escapes are allowed");
  }
  return value;
}
