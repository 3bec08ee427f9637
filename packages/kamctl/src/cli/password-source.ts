import { Flags } from '@oclif/core';

/** The flags of the commands that set a password (add, passwd). */
export const passwordFlags = {
  'password-stdin': Flags.boolean({ description: 'read the password from the first line of stdin', default: false }),
  realm: Flags.string({ description: 'digest realm for ha1/ha1b (default: KAMCTL_REALM, else the domain)' }),
};
