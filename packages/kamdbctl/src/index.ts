export { ExitCode, KamdbctlError, type ExitCodeValue } from './cli/exit-codes.js';
export { settingsFromVariables, parseEngine, parseInstallChoice, type KamdbctlSettings, type EngineKind, type DatabaseUser } from './settings/kamdbctl-settings.js';
export { KAMDBCTL_DEFAULTS } from './settings/kamdbctl-defaults.js';
export { openEngine } from './engine/open-engine.js';
export type { Engine } from './engine/engine.js';
export { tableDdl, type TableDdl } from './schema-ops/table-ddl.js';
export { inspectSchema, type SchemaStatus, type GroupStatus, type TableStatus } from './schema-ops/inspect-schema.js';
export { BACKUP_FORMAT, readBackupHeader } from './data/backup-file.js';
