import { ValidationError } from './validation-error.js';

// Hostnames, IPv4/IPv6 literals and IDN (non-ASCII) names. The characters that would cut a SIP
// URI or an AoR apart (@ : ; ? / < > " ' , and whitespace) are refused; anything else, including a
// backslash, is a legal column value and is stored verbatim.
const FORBIDDEN = /[\s\x00-\x1f\x7f@;?/<>"',]/u;
const IPV6_LITERAL = /^\[[0-9a-fA-F:.]+\]$/;

/** A SIP domain / realm as stored in the `domain` columns (64 chars). */
export function validateSipDomain(value: string, what = 'domain', maxLength = 64): string {
  if (value === '') throw new ValidationError(what, value, 'empty');
  if ([...value].length > maxLength) throw new ValidationError(what, value, `longer than ${maxLength} characters`);
  if (IPV6_LITERAL.test(value)) return value;
  if (FORBIDDEN.test(value) || value.includes(':')) {
    throw new ValidationError(what, value, 'whitespace and the characters @ : ; ? / < > " \' , are not allowed');
  }
  if (value.startsWith('.') || value.endsWith('..') || value.includes('..')) {
    throw new ValidationError(what, value, 'empty label');
  }
  return value;
}
