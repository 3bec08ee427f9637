// The config language: preprocessor, lexer, parser, AST, loading and `kamailio -c`-like checking.
export { loadConfig, loadConfigWith, type LoadConfigOptions } from './load/load-config.js';
export type { CfgVarDeclaration, GlobalParam, LoadedConfig, LoadedModule, ModuleParam } from './load/loaded-config.js';
export { ConfigError } from './errors/config-error.js';
export { formatLocation, type SourceLocation } from './source/source-location.js';
export type { FileReader } from './lexer/lexer.js';
export type * from './ast/expression.js';
export type * from './ast/statement.js';
export type { RouteBlock, RouteKind } from './ast/route-block.js';
export { CORE_ACTIONS, type CoreActionInfo } from './ast/core-actions.js';
export { flattenStatements } from './ast/flatten-statements.js';
export { PREDEFINED_NAMES } from './preprocessor/define-table.js';
export { checkConfig, localHostFacts, type CheckConfigOptions, type CheckMessage, type CheckResult } from './check/check-config.js';
export { formatSocketReport, type HostFacts } from './check/socket-report.js';
