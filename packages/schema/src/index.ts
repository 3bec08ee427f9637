export { SchemaError, type SourceLocation } from './errors.js';
export { KAMAILIO_SCHEMA_VERSION } from './kamailio-version.js';

export * from './model/types.js';
export * from './model/resolve.js';

export { parseXml, parseXmlFile, type XmlParseOptions } from './xml/parser.js';
export type { XmlDocument, XmlElement, XmlNode, XmlText, XmlComment, EntityDeclaration } from './xml/nodes.js';

export { readGroupFile, readTableFile, groupIdFromFile } from './parse/read-group.js';
export { readSchemaDir, readEntityFile, listGroupFiles, type ReadSchemaOptions } from './parse/read-schema-dir.js';
export { readTables } from './parse/read-tables.js';
export { expandXIncludes } from './parse/xinclude.js';

export { DIALECTS, isDialect, type Dialect, type DialectRules } from './ddl/dialect.js';
export { createGroupSql, createTableSql, columnSql } from './ddl/create-table.js';
export { mysqlDdl, mysqlRules } from './ddl/mysql.js';
export { postgresDdl, postgresRules } from './ddl/postgres.js';
export { sqliteDdl, sqliteRules } from './ddl/sqlite.js';
export { generateDdl, DIALECT_RULES } from './ddl/generate.js';

export { tableXml, groupXml, entitiesXml, tableFileName, modelDescriptions, type Describer } from './write/schema-xml.js';
export { writeSchemaDir, type WriteSchemaOptions } from './write/write-schema-dir.js';

export { INSTALL_ORDER, STANDARD_MODULES, PRESENCE_MODULES, EXTRA_MODULES, UID_MODULES, sortByInstallOrder } from './migrations/install-order.js';
export { knexMigrations, knexMigrationSource, migrationFileName, splitStatements, versionPrefix, type MigrationFile } from './migrations/knex-migration.js';
