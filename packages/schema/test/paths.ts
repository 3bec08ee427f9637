import { fileURLToPath } from 'node:url';

/** `packages/schema/` (tests run from `packages/schema/dist/test/`). */
export const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES_DIR = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
/** The checked-in Kamailio 5.6.3 schema definitions at the repository root. */
export const SCHEMAS_DIR = fileURLToPath(new URL('../../../../schemas/', import.meta.url));
/**
 * SHA-256 and byte length of Debian kamailio 5.6.3-2's `/usr/share/kamailio/{mysql,postgres,db_sqlite}/*-create.sql`
 * (written by scripts/record-kamailio-digests.mjs; the files themselves are not in the repository).
 */
export const KAMAILIO_SQL_DIGESTS = fileURLToPath(new URL('../../test/fixtures/kamailio-sql-digests.json', import.meta.url));
/** Where Debian's Kamailio packages install those files; only read, when present, to explain a mismatch. */
export const INSTALLED_KAMAILIO_SQL_DIR = '/usr/share/kamailio';
/** Synthetic schema exercising rare stylesheet rules; `expected/` was produced by Kamailio 5.6.3's XSL with xsltproc. */
export const EDGE_SCHEMA_DIR = fileURLToPath(new URL('../../test/fixtures/edge-schema/', import.meta.url));
/** Knex migrations generated from schemas/, at the repository root. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../../migrations/', import.meta.url));
