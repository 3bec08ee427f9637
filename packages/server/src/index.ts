// Public surface of the companion server; each area exports from its own folder.
export * from './rpc/index.js';
export * from './commands/index.js';
export { KamkitServer, type KamkitServerOptions, type EndpointInfo } from './server/kamkit-server.js';
export { settingsFromConfig, embeddedSettings, type ControlSettings } from './server/control-settings.js';
export { ProcessTable, type ProcessEntry } from './server/process-table.js';
export { defaultServerIdentity, fullVersion, type ServerIdentity } from './server/server-identity.js';
export { CounterRegistry, Counter, type CounterDefinition } from './counters/counter-registry.js';
export { BinrpcRequestProcessor } from './control/binrpc/binrpc-request-processor.js';
export { JsonRpcRequestProcessor, type JsonRpcChannel } from './control/jsonrpc/jsonrpc-request-processor.js';
export { XmlRpcRequestProcessor } from './control/xmlrpc/xmlrpc-request-processor.js';
export { parseListenAddress, type ListenAddress } from './control/binrpc/listen-address.js';
export { validateModules, isKnownModule, modparamType } from './modules/module-catalogue.js';
export { openEmbeddedDatabase, type EmbeddedDatabase } from './db/embedded-database.js';
export * from './config/index.js';
export * from './cfg/index.js';
