/**
 * The typed configuration of one kamdbctl run, built from the effective kamctlrc variables.
 * Values that kamdbctl would silently misread are refused here, before anything is touched:
 * an INSTALL_*_TABLES answer other than yes/no/ask (kamdbctl takes "maybe" as yes), a port that
 * is not a number, SQLite without DB_PATH.
 */
import { usageError } from '../cli/exit-codes.js';
import { DEFAULT_ROOT_USER, KAMDBCTL_DEFAULTS } from './kamdbctl-defaults.js';

export type EngineKind = 'mysql' | 'pgsql' | 'sqlite';
export type InstallChoice = 'yes' | 'no' | 'ask';
export type SetName = 'standard' | 'presence' | 'extra' | 'dbuid';

export interface DatabaseUser {
  readonly name: string;
  readonly password: string;
  readonly access: 'rw' | 'ro';
  /** The password is kamdbctl's well-known default (DBRWPW/DBROPW unset). */
  readonly defaultPassword: boolean;
}

export interface KamdbctlSettings {
  readonly engine: EngineKind;
  readonly host: string;
  readonly port: number | undefined;
  /** DBNAME, or for SQLite the file DB_PATH. */
  readonly database: string;
  readonly users: readonly DatabaseUser[];
  readonly rootUser: string;
  /** undefined: not configured (the driver may still find one, e.g. ~/.pgpass). */
  readonly rootPassword: string | undefined;
  /** DBROOTPWSKIP: never prompt for the administrator password. */
  readonly rootPasswordSkip: boolean;
  /** MySQL: DBACCESSHOST, an extra host for the users. */
  readonly accessHost: string | undefined;
  /** MySQL: CHARSET; undefined = the server's default. */
  readonly charset: string | undefined;
  readonly install: Readonly<Record<Exclude<SetName, 'standard'>, InstallChoice>>;
  readonly sets: Readonly<Record<SetName, readonly string[]>>;
}

export type Variables = (name: string) => string | undefined;

/** kamdbctl's DBENGINE spellings; the engines it has and we do not are named as such. */
export function parseEngine(value: string | undefined): EngineKind {
  if (value === undefined || value === '') {
    throw usageError('database engine not specified: set DBENGINE (MYSQL, PGSQL or SQLITE) in kamctlrc or the environment');
  }
  switch (value.toLowerCase()) {
    case 'mysql':
      return 'mysql';
    case 'pgsql':
    case 'postgres':
    case 'postgresql':
      return 'pgsql';
    case 'sqlite':
      return 'sqlite';
    case 'oracle':
    case 'dbtext':
    case 'textdb':
    case 'db_berkeley':
    case 'berkeley':
      throw usageError(`DBENGINE=${value} is not supported by this kamdbctl (MYSQL, PGSQL or SQLITE)`);
    default:
      throw usageError(`DBENGINE=${value} is not a database engine (MYSQL, PGSQL or SQLITE)`);
  }
}

export function parseInstallChoice(name: string, value: string | undefined): InstallChoice {
  const v = (value ?? 'ask').trim().toLowerCase();
  if (v === 'yes' || v === 'y') return 'yes';
  if (v === 'no' || v === 'n') return 'no';
  if (v === 'ask') return 'ask';
  throw usageError(`${name}=${value} must be yes, no or ask`);
}

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!/^[0-9]+$/.test(value) || port < 1 || port > 65535) throw usageError(`DBPORT=${value} is not a port number`);
  return port;
}

const words = (value: string | undefined): string[] => (value ?? '').split(/\s+/).filter(Boolean);

export function settingsFromVariables(get: Variables): KamdbctlSettings {
  const engine = parseEngine(get('DBENGINE'));
  const value = (name: string): string => get(name) || KAMDBCTL_DEFAULTS[name] || '';
  let database = value('DBNAME');
  if (engine === 'sqlite') {
    database = get('DB_PATH') ?? '';
    if (database === '') throw usageError('DBENGINE=SQLITE needs DB_PATH (the database file)');
  }
  const rwUser = value('DBRWUSER');
  const roUser = value('DBROUSER');
  const users: DatabaseUser[] = [
    { name: rwUser, password: value('DBRWPW'), access: 'rw', defaultPassword: !get('DBRWPW') },
  ];
  // kamdbctl gives a single user all privileges when both names are the same.
  if (roUser !== rwUser) users.push({ name: roUser, password: value('DBROPW'), access: 'ro', defaultPassword: !get('DBROPW') });
  for (const u of users) if (u.name === '') throw usageError(`DB${u.access.toUpperCase()}USER is empty`);

  return {
    engine,
    host: value('DBHOST'),
    port: parsePort(get('DBPORT')),
    database,
    users,
    rootUser: get('DBROOTUSER') || DEFAULT_ROOT_USER[engine],
    rootPassword: get('DBROOTPW') || undefined,
    rootPasswordSkip: Boolean(get('DBROOTPWSKIP')),
    accessHost: get('DBACCESSHOST') || undefined,
    charset: get('CHARSET') || undefined,
    install: {
      presence: parseInstallChoice('INSTALL_PRESENCE_TABLES', value('INSTALL_PRESENCE_TABLES')),
      extra: parseInstallChoice('INSTALL_EXTRA_TABLES', value('INSTALL_EXTRA_TABLES')),
      dbuid: parseInstallChoice('INSTALL_DBUID_TABLES', value('INSTALL_DBUID_TABLES')),
    },
    sets: {
      standard: words(value('STANDARD_MODULES')),
      presence: words(value('PRESENCE_MODULES')),
      extra: words(value('EXTRA_MODULES')),
      dbuid: words(value('UID_MODULES')),
    },
  };
}
