import { Flags } from '@oclif/core';

import type { Where } from '../db/table-repository.js';
import { parseAccount } from '../validate/aor.js';
import { parseInteger } from '../validate/numbers.js';
import { validateText } from '../validate/text-field.js';
import { ValidationError } from '../validate/validation-error.js';

export const avpFilterFlags = {
  table: Flags.string({ char: 'T', description: 'usr_preferences-like table (default: AVP_TABLE or usr_preferences)' }),
  user: Flags.string({ char: 'u', description: 'user@domain, or a uuid (no @)' }),
  attribute: Flags.string({ char: 'a', description: 'attribute name' }),
  value: Flags.string({ char: 'v', description: 'value' }),
  type: Flags.string({ char: 't', description: 'type 0-3' }),
};

/** A table name given on the command line: a plain identifier (knex quotes it anyway). */
export function validateTableName(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) throw new ValidationError('table', name, 'not a plain SQL identifier');
  return name;
}

/** An AoR fills username+domain, anything else is a uuid (as kamctl's avp commands do). */
export function avpOwner(text: string, defaultDomain: string | undefined): Where {
  if (text.includes('@')) {
    const account = parseAccount(text, defaultDomain);
    return { username: account.username, domain: account.domain };
  }
  return { uuid: validateText(text, 'uuid', 64) };
}

export const parseAvpType = (text: string): number => parseInteger(text, 'AVP type', 0, 3);
export const validateAttribute = (text: string): string => {
  if (text === '' || /[\s\x00-\x1f]/.test(text)) throw new ValidationError('attribute', text, 'empty or contains whitespace');
  return validateText(text, 'attribute', 32);
};

/** The WHERE of avp list/rm from its flags; values are compared as given. */
export function avpFilter(
  flags: { user?: string; attribute?: string; value?: string; type?: string },
  defaultDomain: string | undefined,
): Where {
  return {
    ...(flags.user === undefined ? {} : avpOwner(flags.user, defaultDomain)),
    ...(flags.attribute === undefined ? {} : { attribute: validateAttribute(flags.attribute) }),
    ...(flags.value === undefined ? {} : { value: validateText(flags.value, 'value', 128) }),
    ...(flags.type === undefined ? {} : { type: parseAvpType(flags.type) }),
  };
}
