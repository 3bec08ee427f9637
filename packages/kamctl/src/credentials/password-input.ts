import { UsageError } from '../cli/exit-codes.js';
import { promptSecret, readStdinLine } from '../cli/terminal-input.js';
import type { CredentialSettings } from '../settings/kamctl-settings.js';
import { validateSipDomain } from '../validate/sip-domain.js';

/**
 * The password from, in order: the argument (kamctl compatibility; visible in `ps`), --password-stdin,
 * KAMCTL_PASSWORD, or a no-echo prompt on a terminal. It is only ever hashed and stored, never passed on.
 */
export async function resolvePassword(argument: string | undefined, fromStdin: boolean): Promise<string> {
  if (argument !== undefined && fromStdin) throw new UsageError('give the password either as an argument or with --password-stdin, not both');
  let password: string;
  if (argument !== undefined) password = argument;
  else if (fromStdin) password = await readStdinLine();
  else if (process.env['KAMCTL_PASSWORD'] !== undefined) password = process.env['KAMCTL_PASSWORD'];
  else password = await promptSecret('password: ');
  if (password === '') throw new UsageError('empty password');
  if (password.includes('\0')) throw new UsageError('the password contains a NUL character');
  return password;
}

/** The password and the hashing settings with --realm applied. */
export async function resolveCredentialInput(
  argument: string | undefined,
  flags: { 'password-stdin': boolean; realm?: string | undefined },
  settings: CredentialSettings,
): Promise<{ password: string; credentials: CredentialSettings }> {
  const realm = flags.realm === undefined ? settings.realm : validateSipDomain(flags.realm, 'realm');
  return { password: await resolvePassword(argument, flags['password-stdin']), credentials: { ...settings, realm } };
}
