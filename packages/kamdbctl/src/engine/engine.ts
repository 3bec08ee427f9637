/**
 * What kamdbctl needs from a database server, one implementation per engine. Everything runs as
 * the administrator (DBROOTUSER), like kamdbctl; the rw/ro users are only created and granted.
 */
import type { Dialect } from '@kamkit/schema';
import type { Knex } from 'knex';

import type { DatabaseUser, EngineKind } from '../settings/kamdbctl-settings.js';

/** What granting access changed, so that a failed run can take back exactly that. */
export interface AccessChanges {
  /** Accounts this run created (`'user'@'host'` on MySQL, role names on PostgreSQL). */
  readonly createdUsers: readonly string[];
  /** Accounts that existed before (their passwords were left as they were). */
  readonly existingUsers: readonly string[];
  /** Undoes the changes (users created, grants given to users that had none); a no-op where a transaction does it. */
  undo(): Promise<void>;
}

export interface Engine {
  readonly kind: EngineKind;
  readonly dialect: Dialect;
  /** PostgreSQL and SQLite run DDL inside a transaction: all or nothing. MySQL commits each statement. */
  readonly transactionalDdl: boolean;
  /** Where, for messages: engine, administrator, server and database; never a password. */
  describe(database?: string): string;
  /** Connects as the administrator: unreachable servers and bad credentials fail here, before any change. */
  connect(): Promise<void>;
  databaseExists(database: string): Promise<boolean>;
  /** Creates the empty database; returns what was chosen (MySQL: the character set). */
  createDatabase(database: string): Promise<{ charset?: string }>;
  dropDatabase(database: string): Promise<void>;
  /** The administrator's connection to `database`, opened once. */
  database(database: string): Promise<Knex>;
  /** Closes the connection to `database` (PostgreSQL cannot drop a database while connected to it). */
  closeDatabase(database: string): Promise<void>;
  /**
   * Creates the users that do not exist yet (`IF NOT EXISTS`, existing passwords untouched) and
   * grants rw ALL / ro SELECT on the database (MySQL) or on `tables` and their sequences (PostgreSQL,
   * through `db`, which may be a transaction).
   */
  grantAccess(database: string, users: readonly DatabaseUser[], db: Knex, tables: readonly string[]): Promise<AccessChanges>;
  revokeAccess(database: string, users: readonly DatabaseUser[], db: Knex): Promise<string[]>;
  /** Drops the users (all their MySQL hosts); returns the accounts dropped. */
  dropUsers(users: readonly DatabaseUser[]): Promise<string[]>;
  /** Statements run before the tables of a new database (PostgreSQL: kamdbctl's MySQL-compatible functions). */
  prepareNewDatabase(db: Knex): Promise<void>;
  /** Runs the statements of one table (CREATE TABLE, CREATE INDEX..., INSERT INTO version). */
  runDdl(db: Knex, statements: readonly string[]): Promise<void>;
  /** Base tables of `database`. */
  listTables(db: Knex): Promise<string[]>;
  /** Column names of a table, in order. */
  listColumns(db: Knex, table: string): Promise<string[]>;
  /** After rows with explicit ids were written: moves id sequences past them (PostgreSQL). */
  resetSequences(db: Knex, tables: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** Asks for the administrator password (only given when a terminal may be used). */
export type PasswordPrompt = (question: string) => Promise<string>;
