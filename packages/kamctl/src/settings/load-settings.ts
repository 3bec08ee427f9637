import { KamctlrcError, loadKamctlrc, type Kamctlrc } from '@kamkit/kamctlrc';

import { UsageError } from '../cli/exit-codes.js';
import { settingsFromVariables, SettingsError, type DbSettings, type KamctlSettings, type SettingVariables } from './kamctl-settings.js';

/** Variables kamctl reads beyond the kamctlrc ones the reader knows: ours, and kamctl's table names. */
export const KAMCTL_EXTRA_VARIABLES = [
  'KAMCTL_RPC',
  'KAMCTL_RPC_TIMEOUT',
  'KAMCTL_REALM',
  'HA1_SHA256_COLUMN',
  'HA1B_SHA256_COLUMN',
  'DBSOCKET',
  'MYSQL_UNIX_PORT',
  'SUB_TABLE',
  'ACL_TABLE',
  'DA_TABLE',
  'DOMAIN_TABLE',
  'SD_TABLE',
  'AVP_TABLE',
  'TRUSTED_TABLE',
  'ADDRESS_TABLE',
  'DISPATCHER_TABLE',
];

export interface SettingOverrides {
  /** --config: read only this rc file. */
  configFile?: string | undefined;
  /** --rpc */
  rpcTarget?: string | undefined;
}

/** kamctl's rc files (same files and order as kamctl; a non-empty environment variable wins). */
export function readKamctlrc(env: SettingVariables, configFile: string | undefined): Kamctlrc {
  try {
    return loadKamctlrc({ tool: 'kamctl', configFile, env, variables: KAMCTL_EXTRA_VARIABLES });
  } catch (error) {
    if (error instanceof KamctlrcError) throw new UsageError(error.message);
    throw error;
  }
}

/** The settings a command runs with, from the effective kamctlrc values; --rpc beats them. */
export function settingsFromKamctlrc(rc: Kamctlrc, overrides: SettingOverrides = {}): KamctlSettings {
  let settings: KamctlSettings;
  try {
    settings = settingsFromVariables(rc.values);
  } catch (error) {
    if (error instanceof SettingsError) throw new UsageError(error.message);
    throw error;
  }
  if (overrides.rpcTarget) settings.rpc.target = overrides.rpcTarget;
  return settings;
}

/** The database settings, for a command that needs a database. */
export function requireDbSettings(settings: KamctlSettings): DbSettings {
  if (!settings.db) throw new UsageError('this command needs a database: set DBENGINE (MYSQL, PGSQL or SQLITE) and its DB* settings');
  return settings.db;
}

/** What could not be evaluated in the rc files, said on stderr (the command still runs). */
export function reportKamctlrcWarnings(rc: Kamctlrc): void {
  for (const w of rc.warnings) process.stderr.write(`kamctl: warning: ${w.file}:${w.line}: ${w.message}\n`);
}
