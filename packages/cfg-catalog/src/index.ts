// Kamailio 5.6.3's cfg framework variables as plain data: the server builds its cfg framework from
// them, clients (kamctl cfg set) check values against them before sending.
export { cfgInt, cfgStr, cfgString, type CfgFixupKind, type CfgGroupSpec, type CfgInputType, type CfgStorageType, type CfgValue, type CfgVarSpec } from './cfg-spec.js';
export { CORE_GROUP } from './core-group.js';
export { TCP_GROUP } from './tcp-group.js';
export { MODULE_GROUPS } from './module-groups.js';
export { SYSLOG_FACILITIES, syslogFacilityNumber } from './syslog-facility.js';
export { CFG_GROUPS, cfgInputType, cfgRange, findCfgVariable } from './find-cfg-variable.js';
