/** The Kamailio release whose table definitions the repository's `schemas/` directory holds. */
export const KAMAILIO_SCHEMA_VERSION = '5.6.3';
