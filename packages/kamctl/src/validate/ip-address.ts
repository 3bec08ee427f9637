import { isIP } from 'node:net';

import { parseInteger } from './numbers.js';
import { ValidationError } from './validation-error.js';

/** An IPv4 or IPv6 address (the address table's ip_addr, the trusted table's src_ip). */
export function validateIp(text: string, what = 'IP address'): string {
  if (isIP(text) === 0) throw new ValidationError(what, text, 'not an IPv4 or IPv6 address');
  return text;
}

/** The prefix length for an address: 0-32 for IPv4, 0-128 for IPv6. */
export function parseMask(text: string, ip: string): number {
  return parseInteger(text, 'mask', 0, isIP(ip) === 6 ? 128 : 32);
}
