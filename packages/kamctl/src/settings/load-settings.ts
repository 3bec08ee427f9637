import { settingsFromVariables, SettingsError, type KamctlSettings, type SettingVariables } from './kamctl-settings.js';
import { UsageError } from '../cli/exit-codes.js';

export interface SettingOverrides {
  /** --rpc */
  rpcTarget?: string;
}

/**
 * The settings a command runs with. Today the variables come from the environment (kamctl's rc
 * files only assign the same variables); the kamctlrc reader will feed its effective values here.
 */
export function loadSettings(vars: SettingVariables, overrides: SettingOverrides = {}): KamctlSettings {
  let settings: KamctlSettings;
  try {
    settings = settingsFromVariables(vars);
  } catch (error) {
    if (error instanceof SettingsError) throw new UsageError(error.message);
    throw error;
  }
  if (overrides.rpcTarget) settings.rpc.target = overrides.rpcTarget;
  return settings;
}
