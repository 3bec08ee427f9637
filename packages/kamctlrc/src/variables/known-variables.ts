/**
 * The kamctlrc variables kamctl and kamdbctl read (Kamailio 5.6.3 kamctl.base / kamdbctl.base and
 * the shipped kamctlrc), with what each means. Only these (plus whatever a file assigns) can be
 * overridden from the environment, so that unrelated environment variables never show up as settings.
 */
export type KamctlrcTool = 'kamctl' | 'kamdbctl';

export interface KnownVariable {
  readonly name: string;
  readonly tools: readonly KamctlrcTool[];
  readonly description: string;
}

const both: readonly KamctlrcTool[] = ['kamctl', 'kamdbctl'];
const kamctl: readonly KamctlrcTool[] = ['kamctl'];
const kamdbctl: readonly KamctlrcTool[] = ['kamdbctl'];

export const KNOWN_VARIABLES: readonly KnownVariable[] = [
  { name: 'DBENGINE', tools: both, description: 'database engine: MYSQL, PGSQL or SQLITE' },
  { name: 'DBHOST', tools: both, description: 'database server host' },
  { name: 'DBPORT', tools: both, description: 'database server port' },
  { name: 'DBNAME', tools: both, description: 'database name' },
  { name: 'DB_PATH', tools: both, description: 'SQLite database file (replaces DBNAME)' },
  { name: 'DBRWUSER', tools: both, description: 'read/write user' },
  { name: 'DBRWPW', tools: both, description: 'read/write user password' },
  { name: 'DBROUSER', tools: both, description: 'read-only user' },
  { name: 'DBROPW', tools: both, description: 'read-only user password' },
  { name: 'DBROOTUSER', tools: kamdbctl, description: 'administrator user (MySQL root, PostgreSQL postgres)' },
  { name: 'DBROOTPW', tools: kamdbctl, description: 'administrator password' },
  { name: 'DBROOTPWSKIP', tools: kamdbctl, description: 'non-empty: never ask for the administrator password' },
  { name: 'DBACCESSHOST', tools: kamdbctl, description: 'MySQL: extra host the rw/ro users may connect from' },
  { name: 'DBINITASK', tools: kamdbctl, description: 'yes: ask before each creation step (MySQL)' },
  { name: 'CHARSET', tools: kamdbctl, description: 'MySQL: character set of the created database' },
  { name: 'INSTALL_PRESENCE_TABLES', tools: kamdbctl, description: 'create the presence tables: yes, no or ask' },
  { name: 'INSTALL_EXTRA_TABLES', tools: kamdbctl, description: 'create the extra tables: yes, no or ask' },
  { name: 'INSTALL_DBUID_TABLES', tools: kamdbctl, description: 'create the uid tables: yes, no or ask' },
  { name: 'STANDARD_MODULES', tools: kamdbctl, description: 'table groups of the standard set' },
  { name: 'PRESENCE_MODULES', tools: kamdbctl, description: 'table groups of the presence set' },
  { name: 'EXTRA_MODULES', tools: kamdbctl, description: 'table groups of the extra set' },
  { name: 'UID_MODULES', tools: kamdbctl, description: 'table groups of the uid set (kamdbctl DBUID_MODULES)' },
  { name: 'STANDARD_TABLES', tools: kamdbctl, description: 'tables of the standard set (kamdbctl PostgreSQL grants)' },
  { name: 'PRESENCE_TABLES', tools: kamdbctl, description: 'tables of the presence set' },
  { name: 'EXTRA_TABLES', tools: kamdbctl, description: 'tables of the extra set' },
  { name: 'UID_TABLES', tools: kamdbctl, description: 'tables of the uid set' },
  { name: 'USERCOL', tools: kamdbctl, description: 'user column name (unused in 5.6.3)' },
  { name: 'FOREVER', tools: kamdbctl, description: 'far-future expiry (unused in 5.6.3)' },
  { name: 'VERBOSE', tools: both, description: 'non-zero: debug messages' },
  { name: 'NOHLPRINT', tools: both, description: 'non-empty: no colours' },
  { name: 'SIP_DOMAIN', tools: kamctl, description: 'default domain for user names without @domain' },
  { name: 'CHROOT_DIR', tools: kamctl, description: 'prefix of the reply FIFO directory' },
  { name: 'CTLENGINE', tools: kamctl, description: 'control engine (RPCFIFO)' },
  { name: 'RPCFIFOPATH', tools: kamctl, description: 'Kamailio JSON-RPC FIFO' },
  { name: 'ALIASES_TYPE', tools: kamctl, description: 'alias check: DB or UL' },
  { name: 'VERIFY_ACL', tools: kamctl, description: '1: acl grant accepts only ACL_GROUPS' },
  { name: 'ACL_GROUPS', tools: kamctl, description: 'allowed ACL group names' },
  { name: 'VERIFY_USER', tools: kamctl, description: '1: check the subscriber exists' },
  { name: 'STORE_PLAINTEXT_PW', tools: kamctl, description: '1: store the clear-text password' },
  { name: 'PID_FILE', tools: kamctl, description: 'Kamailio pid file' },
  { name: 'STARTOPTIONS', tools: kamctl, description: 'extra kamailio options for start' },
  { name: 'SYSLOG', tools: kamctl, description: '0: kamailio logs to stderr on start' },
  { name: 'DEFAULT_Q', tools: kamctl, description: 'q value of ul add' },
  { name: 'WATCH_PERIOD', tools: kamctl, description: 'monitor refresh period (s)' },
  { name: 'CERTDAYS', tools: kamctl, description: 'validity of generated certificates (days)' },
  ...['SUB', 'UL', 'ACL', 'ALS', 'DOMAIN', 'UID_DOMAIN', 'DA', 'SD', 'AVP', 'TRUSTED', 'ADDRESS', 'DISPATCHER', 'DIALOG', 'DIALPLAN', 'ACC'].map(
    (prefix): KnownVariable => ({ name: `${prefix}_TABLE`, tools: kamctl, description: 'table name override' }),
  ),
];

export function knownVariableNames(tool: KamctlrcTool): string[] {
  return KNOWN_VARIABLES.filter((v) => v.tools.includes(tool)).map((v) => v.name);
}

/** Passwords and the like: never printed, never put into messages. */
export function isSecretVariable(name: string): boolean {
  return /(PW|PASS|PASSWORD|SECRET|TOKEN)$/.test(name) && name !== 'DBROOTPWSKIP';
}

/** A secret as shown to humans: whether it is set, never its length or any character. */
export function maskSecret(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value === '' ? '' : '********';
}
