// Public surface of the companion server; each area exports from its own folder.
export * from './rpc/index.js';
