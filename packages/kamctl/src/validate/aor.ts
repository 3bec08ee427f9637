import { UsageError } from '../cli/exit-codes.js';
import { validateSipDomain } from './sip-domain.js';
import { validateSipUser } from './sip-user.js';
import { ValidationError } from './validation-error.js';

/** A user and the domain it lives in. */
export interface Account {
  username: string;
  domain: string;
}

/**
 * `user` or `user@domain` (kamctl's set_user): the domain defaults to SIP_DOMAIN. Unlike kamctl,
 * a second `@` is an error rather than silently dropping what follows it, and both parts are validated.
 */
export function parseAccount(text: string, defaultDomain: string | undefined, what = 'user'): Account {
  const at = text.indexOf('@');
  const username = at < 0 ? text : text.slice(0, at);
  let domain = at < 0 ? undefined : text.slice(at + 1);
  if (domain !== undefined && domain.includes('@')) throw new ValidationError(what, text, 'more than one @');
  if (domain === undefined || domain === '') {
    if (!defaultDomain) {
      throw new UsageError(`domain unknown for ${JSON.stringify(text)}: use ${what}@domain or set SIP_DOMAIN`);
    }
    domain = defaultDomain;
  }
  return { username: validateSipUser(username, `${what} name`), domain: validateSipDomain(domain, `${what} domain`) };
}

export const formatAccount = (a: Account): string => `${a.username}@${a.domain}`;
