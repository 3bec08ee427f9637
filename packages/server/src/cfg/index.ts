// The cfg framework (runtime-tunable variables), its catalogs and the cfg.* RPC methods.
export { CfgFramework, type CfgDiffEntry, type CfgFrameworkOptions, type CfgStartState, type CfgTarget, type CfgVarInfo, type PendingCfgChange, type PerChildHandler } from './cfg-framework.js';
export { CfgWorker } from './cfg-worker.js';
export { cfgFrameworkFromConfig, type CfgFromConfigOptions } from './cfg-from-config.js';
export { CfgBlock, type CfgGroupValues } from './model/cfg-block.js';
export { CfgError, type CfgErrorReason } from './model/cfg-error.js';
export { type CfgFixup, type CfgGroupDefinition, type CfgInputType, type CfgReader, type CfgStorageType, type CfgValue, type CfgVarDefinition } from './model/cfg-definition.js';
export { CORE_GROUP, MODULE_GROUPS, TCP_GROUP } from './catalog/catalog-groups.js';
export { SYSLOG_FACILITIES, syslogFacilityNumber } from '@kamkit/cfg-catalog';
export { cfgRpcExports, registerCfgRpc, type CfgRpcOptions } from './rpc/register-cfg-rpc.js';
export { parseGroupRef, type GroupRef } from './rpc/group-syntax.js';
