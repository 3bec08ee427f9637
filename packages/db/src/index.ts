export { loadKnex, type KnexFactory } from './load-knex.js';
export { esModuleMigrationSource } from './migration-source.js';
