import { ValidationError } from './validation-error.js';

// sip:/sips: [user[:password]@] host [:port] [;params] [?headers]; host = name, IPv4 or [IPv6].
const SIP_URI =
  /^sips?:(?:[^\s@<>"]+@)?(?:[A-Za-z0-9](?:[-A-Za-z0-9.]*[A-Za-z0-9])?\.?|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?(?:;[^\s<>"?]*)?(?:\?[^\s<>"]*)?$/;

/** A SIP or SIPS URI (dispatcher destination, contact, speed-dial target). */
export function validateSipUri(value: string, what = 'SIP URI', maxLength = 255): string {
  if ([...value].length > maxLength) throw new ValidationError(what, value, `longer than ${maxLength} characters`);
  const match = SIP_URI.exec(value);
  if (!match) throw new ValidationError(what, value, 'expected sip:[user@]host[:port][;params]');
  const port = match[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
    throw new ValidationError(what, value, `port ${port} out of range 1-65535`);
  }
  return value;
}
