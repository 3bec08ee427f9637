/**
 * The configuration kamctl runs with, typed. It is built from kamctlrc-style variables
 * (`SIP_DOMAIN`, `DBENGINE`, ...) so that any source of those variables can feed it: the
 * environment today, the kamctlrc reader's effective values when it is available.
 */
export type DbEngine = 'mysql' | 'pgsql' | 'sqlite';

export interface DbSettings {
  engine: DbEngine;
  host: string;
  port: number | undefined;
  /** MySQL over its unix socket when `host` is `localhost` and no port is set, as the mysql client does. */
  socketPath: string | undefined;
  name: string;
  /** SQLite database file (`DB_PATH`). */
  path: string | undefined;
  rwUser: string;
  rwPassword: string | undefined;
  roUser: string;
  roPassword: string | undefined;
}

export interface RpcSettings {
  /** An @kamkit/rpc target URI (`fifo:...`, `unix:...`, `http://...`). */
  target: string;
  /** jsonrpcs `fifo_reply_dir` as seen from here (kamctl: `$CHROOT_DIR/tmp/`). */
  fifoReplyDir: string;
  timeoutMs: number;
}

export interface CredentialSettings {
  /** Exactly `1` in kamctl: keep the clear-text password in `subscriber.password`. */
  storePlaintextPassword: boolean;
  /** Digest realm; kamctl always uses the user's domain (undefined = the domain). */
  realm: string | undefined;
  /** Extra columns that receive SHA-256 digests (e.g. `ha1_sha256`), when the schema has them. */
  ha1Sha256Column: string | undefined;
  ha1bSha256Column: string | undefined;
}

export interface TableNames {
  subscriber: string;
  grp: string;
  dbaliases: string;
  domain: string;
  speedDial: string;
  usrPreferences: string;
  trusted: string;
  address: string;
  dispatcher: string;
}

export interface KamctlSettings {
  sipDomain: string | undefined;
  db: DbSettings | undefined;
  rpc: RpcSettings;
  credentials: CredentialSettings;
  verifyUser: boolean;
  verifyAcl: boolean;
  aclGroups: string[];
  /** `DB`: `add` refuses a name that exists as a dbaliases alias. */
  aliasesType: string | undefined;
  tables: TableNames;
}

export type SettingVariables = Readonly<Record<string, string | undefined>>;

const DEFAULT_ACL_GROUPS = 'local ld int voicemail free-pstn';
const DEFAULT_FIFO = '/run/kamailio/kamailio_rpc.fifo';
export const DEFAULT_RPC_TIMEOUT_MS = 5000;

/** kamctl's DBENGINE spellings (kamctl.base) mapped to the engines we drive. */
export function parseDbEngine(value: string): DbEngine | undefined {
  switch (value.toUpperCase()) {
    case 'MYSQL':
      return 'mysql';
    case 'PGSQL':
    case 'POSTGRES':
    case 'POSTGRESQL':
      return 'pgsql';
    case 'SQLITE':
      return 'sqlite';
    default:
      return undefined;
  }
}

export class SettingsError extends Error {
  override name = 'SettingsError';
}

const nonEmpty = (v: string | undefined): string | undefined => (v === undefined || v === '' ? undefined : v);

/** Builds the settings from kamctlrc variables, with kamctl's defaults for what is unset. */
export function settingsFromVariables(vars: SettingVariables): KamctlSettings {
  const get = (name: string) => nonEmpty(vars[name]);
  const engineText = get('DBENGINE');
  let db: DbSettings | undefined;
  if (engineText) {
    const engine = parseDbEngine(engineText);
    if (!engine) throw new SettingsError(`DBENGINE=${engineText} is not supported (MYSQL, PGSQL or SQLITE)`);
    const portText = get('DBPORT');
    const port = portText === undefined ? undefined : Number(portText);
    if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
      throw new SettingsError(`DBPORT=${portText} is not a port number`);
    }
    const host = get('DBHOST') ?? 'localhost';
    db = {
      engine,
      host,
      port,
      socketPath:
        engine === 'mysql' && host === 'localhost' && port === undefined
          ? (get('DBSOCKET') ?? get('MYSQL_UNIX_PORT') ?? '/run/mysqld/mysqld.sock')
          : undefined,
      name: get('DBNAME') ?? 'kamailio',
      path: get('DB_PATH'),
      rwUser: get('DBRWUSER') ?? 'kamailio',
      rwPassword: vars['DBRWPW'],
      roUser: get('DBROUSER') ?? 'kamailioro',
      roPassword: vars['DBROPW'] ?? 'kamailioro',
    };
    if (engine === 'sqlite' && !db.path) throw new SettingsError('DBENGINE=SQLITE needs DB_PATH (the database file)');
  }

  const chroot = get('CHROOT_DIR');
  const fifo = get('RPCFIFOPATH') ?? DEFAULT_FIFO;
  const timeoutText = get('KAMCTL_RPC_TIMEOUT');
  const timeoutMs = timeoutText === undefined ? DEFAULT_RPC_TIMEOUT_MS : Number(timeoutText) * 1000;
  if (!(timeoutMs > 0)) throw new SettingsError(`KAMCTL_RPC_TIMEOUT=${timeoutText} is not a number of seconds`);

  return {
    sipDomain: get('SIP_DOMAIN'),
    db,
    rpc: {
      target: get('KAMCTL_RPC') ?? `fifo:${fifo}`,
      fifoReplyDir: chroot ? `${chroot.replace(/\/+$/, '')}/tmp/` : '/tmp/',
      timeoutMs,
    },
    credentials: {
      storePlaintextPassword: (get('STORE_PLAINTEXT_PW') ?? '1') === '1',
      realm: get('KAMCTL_REALM'),
      ha1Sha256Column: get('HA1_SHA256_COLUMN'),
      ha1bSha256Column: get('HA1B_SHA256_COLUMN'),
    },
    verifyUser: (get('VERIFY_USER') ?? '1') === '1',
    verifyAcl: (get('VERIFY_ACL') ?? '1') === '1',
    aclGroups: (vars['ACL_GROUPS'] ?? DEFAULT_ACL_GROUPS).split(/\s+/).filter(Boolean),
    aliasesType: get('ALIASES_TYPE'),
    tables: {
      subscriber: get('SUB_TABLE') ?? 'subscriber',
      grp: get('ACL_TABLE') ?? 'grp',
      dbaliases: get('DA_TABLE') ?? 'dbaliases',
      domain: get('DOMAIN_TABLE') ?? 'domain',
      speedDial: get('SD_TABLE') ?? 'speed_dial',
      usrPreferences: get('AVP_TABLE') ?? 'usr_preferences',
      trusted: get('TRUSTED_TABLE') ?? 'trusted',
      address: get('ADDRESS_TABLE') ?? 'address',
      dispatcher: get('DISPATCHER_TABLE') ?? 'dispatcher',
    },
  };
}
