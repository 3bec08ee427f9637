import { createHash } from 'node:crypto';

import type { CredentialSettings } from '../settings/kamctl-settings.js';

export type DigestAlgorithm = 'md5' | 'sha256';

/** HA1 = H(user:realm:password) over the exact UTF-8 bytes, as auth_db compares it. */
export function digestHa1(username: string, realm: string, password: string, algorithm: DigestAlgorithm = 'md5'): string {
  return createHash(algorithm).update(`${username}:${realm}:${password}`, 'utf8').digest('hex');
}

/** HA1B = H(user@domain:realm:password): for clients that put user@domain in the digest username. */
export function digestHa1b(
  username: string,
  domain: string,
  realm: string,
  password: string,
  algorithm: DigestAlgorithm = 'md5',
): string {
  return digestHa1(`${username}@${domain}`, realm, password, algorithm);
}

/** The subscriber columns a password sets, keyed by column name. */
export function credentialColumns(
  username: string,
  domain: string,
  password: string,
  settings: CredentialSettings,
): Record<string, string> {
  const realm = settings.realm ?? domain;
  const columns: Record<string, string> = {
    ha1: digestHa1(username, realm, password),
    ha1b: digestHa1b(username, domain, realm, password),
    password: settings.storePlaintextPassword ? password : '',
  };
  if (settings.ha1Sha256Column) columns[settings.ha1Sha256Column] = digestHa1(username, realm, password, 'sha256');
  if (settings.ha1bSha256Column) {
    columns[settings.ha1bSha256Column] = digestHa1b(username, domain, realm, password, 'sha256');
  }
  return columns;
}
