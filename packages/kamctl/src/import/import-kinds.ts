import { credentialColumns } from '../credentials/digest-credentials.js';
import type { Row } from '../db/table-repository.js';
import type { CachedTable } from '../rpc/reload-cache.js';
import type { KamctlSettings, TableNames } from '../settings/kamctl-settings.js';
import { validateGroupName } from '../validate/group-name.js';
import { parseMask, validateIp } from '../validate/ip-address.js';
import { parseInt32, parsePort, parseSetId } from '../validate/numbers.js';
import { validateSipDomain } from '../validate/sip-domain.js';
import { validateSipUri } from '../validate/sip-uri.js';
import { validateSipUser } from '../validate/sip-user.js';
import { validateText } from '../validate/text-field.js';
import { ValidationError } from '../validate/validation-error.js';
import type { FileRecord } from './record-file.js';

/** A value as stored, for comparing file and database (numbers and strings alike). */
export type Cell = string | number | null;

/**
 * One kind of provisioning data that can be exported and imported: its table, the fields of the
 * file, what identifies a row (key) and how a file record becomes a row.
 */
export interface ImportKind {
  name: string;
  table: keyof TableNames;
  /** Columns of the export file, in order. */
  fields: readonly string[];
  /** Columns that identify a row; the others are compared to find changes. */
  keyColumns: readonly string[];
  /** Columns written on insert only (timestamps). */
  insertOnly?: (now: string) => Row;
  /** The row a file record stands for, validated; throws ValidationError. */
  toRow(record: FileRecord, settings: KamctlSettings): Record<string, Cell>;
  /** The server cache to reload after an import. */
  cache?: CachedTable;
}

const text = (record: FileRecord, name: string): string => record[name] ?? '';
const required = (record: FileRecord, name: string): string => {
  const value = record[name];
  if (value === undefined || value === null || value === '') throw new ValidationError(name, value ?? '', 'missing');
  return value;
};
const optional = (record: FileRecord, name: string): string | undefined => {
  const value = record[name];
  return value === undefined || value === null || value === '' ? undefined : value;
};
/** A password from a file: length-checked without ever putting it in a message. */
const password = (value: string): string => {
  if ([...value].length > 64 || value.includes('\0')) throw new ValidationError('password', '***', 'longer than 64 characters or contains NUL');
  return value;
};
const account = (record: FileRecord, settings: KamctlSettings) => ({
  username: validateSipUser(required(record, 'username')),
  domain: validateSipDomain(optional(record, 'domain') ?? settings.sipDomain ?? required(record, 'domain')),
});

export const SUBSCRIBERS: ImportKind = {
  name: 'subscribers',
  table: 'subscriber',
  fields: ['username', 'domain', 'password', 'ha1', 'ha1b'],
  keyColumns: ['username', 'domain'],
  toRow(record, settings): Record<string, Cell> {
    const { username, domain } = account(record, settings);
    const ha1 = optional(record, 'ha1');
    // Exported rows carry their hashes: keep them (they may use another realm); else hash the password.
    if (ha1 !== undefined) {
      if (!/^[0-9a-f]{32}$|^[0-9a-f]{64}$/.test(ha1)) throw new ValidationError('ha1', ha1, 'expected 32 or 64 lower-case hex digits');
      const stored = settings.credentials.storePlaintextPassword ? password(text(record, 'password')) : '';
      return { username, domain, ha1, ha1b: validateText(text(record, 'ha1b'), 'ha1b', 128), password: stored };
    }
    const clear = optional(record, 'password');
    if (clear === undefined) throw new ValidationError('password', '', 'missing (give password, or ha1 and ha1b)');
    return { username, domain, ...credentialColumns(username, domain, password(clear), settings.credentials) };
  },
};

export const ACL: ImportKind = {
  name: 'acl',
  table: 'grp',
  fields: ['username', 'domain', 'grp'],
  keyColumns: ['username', 'domain', 'grp'],
  insertOnly: (now) => ({ last_modified: now }),
  toRow(record, settings) {
    return { ...account(record, settings), grp: validateGroupName(required(record, 'grp'), settings.verifyAcl ? settings.aclGroups : undefined) };
  },
};

export const DISPATCHER: ImportKind = {
  name: 'dispatcher',
  table: 'dispatcher',
  fields: ['setid', 'destination', 'flags', 'priority', 'attrs', 'description'],
  keyColumns: ['setid', 'destination'],
  cache: 'dispatcher',
  toRow(record) {
    return {
      setid: parseSetId(required(record, 'setid')),
      destination: validateSipUri(required(record, 'destination'), 'destination', 192),
      flags: parseInt32(optional(record, 'flags') ?? '0', 'flags'),
      priority: parseInt32(optional(record, 'priority') ?? '0', 'priority'),
      attrs: validateText(text(record, 'attrs'), 'attrs', 128),
      description: validateText(text(record, 'description'), 'description', 64),
    };
  },
};

export const ADDRESS: ImportKind = {
  name: 'address',
  table: 'address',
  fields: ['grp', 'ip_addr', 'mask', 'port', 'tag'],
  keyColumns: ['grp', 'ip_addr', 'mask', 'port'],
  cache: 'address',
  toRow(record) {
    const ip = validateIp(required(record, 'ip_addr'));
    const mask = optional(record, 'mask');
    const tag = record['tag'];
    return {
      grp: parseSetId(optional(record, 'grp') ?? '1', 'group'),
      ip_addr: ip,
      mask: mask === undefined ? (ip.includes(':') ? 128 : 32) : parseMask(mask, ip),
      port: parsePort(optional(record, 'port') ?? '0'),
      tag: tag === null || tag === undefined ? null : validateText(tag, 'tag', 64),
    };
  },
};

export const DOMAIN: ImportKind = {
  name: 'domain',
  table: 'domain',
  fields: ['domain', 'did'],
  keyColumns: ['domain'],
  insertOnly: (now) => ({ last_modified: now }),
  cache: 'domain',
  toRow(record) {
    const did = optional(record, 'did');
    return { domain: validateSipDomain(required(record, 'domain')), did: did === undefined ? null : validateSipDomain(did, 'did') };
  },
};

export const IMPORT_KINDS: readonly ImportKind[] = [SUBSCRIBERS, ACL, DISPATCHER, ADDRESS, DOMAIN];

export function findImportKind(name: string): ImportKind | undefined {
  const wanted = name === 'subscriber' ? 'subscribers' : name;
  return IMPORT_KINDS.find((k) => k.name === wanted);
}
