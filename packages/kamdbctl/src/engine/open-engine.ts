import type { KamdbctlSettings } from '../settings/kamdbctl-settings.js';
import type { Engine, PasswordPrompt } from './engine.js';
import { MysqlEngine } from './mysql-engine.js';
import { PostgresEngine } from './postgres-engine.js';
import { SqliteEngine } from './sqlite-engine.js';

/** The engine for DBENGINE; `prompt` is only given when a terminal may be asked for the administrator password. */
export function openEngine(settings: KamdbctlSettings, prompt?: PasswordPrompt): Engine {
  switch (settings.engine) {
    case 'mysql':
      return new MysqlEngine(settings, prompt);
    case 'pgsql':
      return new PostgresEngine(settings, prompt);
    case 'sqlite':
      return new SqliteEngine(settings);
  }
}
