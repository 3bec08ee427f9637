// Starts and stops a REAL Kamailio 5.6 for the interop tests.
//
//   import { startKamailio } from './kamailio-lab.mjs';
//   const lab = await startKamailio({ log: console.error });
//   ... lab.env.ctlSocket, lab.env.jsonrpcHttp, ...
//   await lab.stop();
//
// What startKamailio() does (modelled on the reference lab's
// start-kamailio.sh, but self-contained):
//   1. checks that kamailio, kamcmd, kamctl, kamdbctl, the needed modules and
//      the mysql client exist and that MariaDB answers (clear error if not);
//   2. makes a throw-away work dir (/tmp/kamkit-lab.XXXXXX) holding the ctl
//      unix socket, the JSON-RPC FIFO and its reply dir, pid file, logs and a
//      generated .kamctlrc;
//   3. creates a throw-away MariaDB database (kamkit_lab_<hex>) and its rw/ro
//      users with the REAL `kamdbctl create`, driven by that .kamctlrc
//      through HOME=<workDir> (kamctl/kamdbctl have no option naming the rc
//      file; they source ~/.kamctlrc), with DBROOTPWSKIP=yes and CHARSET set
//      so that nothing prompts;
//   4. seeds dispatcher set 1 (the lab itself + a port nobody answers on);
//   5. picks FREE ports (SIP udp+tcp, HTTP, BINRPC tcp, BINRPC udp, a dead
//      dispatcher port), starts `kamailio -DD -E -P <pidfile>` detached
//      (own session) logging to <workDir>/kamailio.log, retrying with other
//      ports if one was taken in the meantime;
//   6. waits until `kamcmd -s unix:<sock> core.uptime` and JSON-RPC over
//      HTTP answer, then writes <workDir>/lab-env.json.
// stop() sends SIGTERM to the kamailio main pid (SIGKILL after 15 s, then to
// any straggler of its process group), drops the database and both users
// and removes the work dir (kept when the start failed, or on request).
//
// Also a small CLI for humans:
//   node test/harness/kamailio-lab.mjs start     # leaves a lab running, prints its env
//   node test/harness/kamailio-lab.mjs stop WORKDIR
//   node test/harness/kamailio-lab.mjs reap      # clean up labs whose creator died

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { describeFailure, kamcmd, mysqlRoot, run, withSbin } from './lab-tools.mjs';

/** @import { LabBinaries, LabEnv, PostgresInfo } from './lab-tools.mjs' */

/** Error whose message says what is missing or what went wrong. */
export class LabError extends Error {
	/** @param {string} message */
	constructor(message) {
		super(message);
		this.name = 'LabError';
	}
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
const WORKDIR_PREFIX = 'kamkit-lab.';
const STATE_FILE = 'lab-state.json';
const ENV_FILE = 'lab-env.json';

/** Modules the config loads, and the Debian package shipping each non-core one. */
const MODULE_PACKAGES = /** @type {Record<string, string>} */ ({
	db_mysql: 'kamailio-mysql-modules',
	db_sqlite: 'kamailio-sqlite-modules',
	xmlrpc: 'kamailio-xml-modules',
});

/**
 * The config shipped next to this file.  (When this module runs from its
 * compiled copy in test/dist/harness/, the source copy is used.)
 *
 * @returns {string}
 */
export function defaultCfgFile() {
	const candidates = [path.join(HERE, 'kamailio.cfg'), path.join(HERE, '..', '..', 'harness', 'kamailio.cfg')];
	return candidates.find((c) => fs.existsSync(c)) ?? /** @type {string} */ (candidates[0]);
}

// ------------------------------------------------------------------ tools

/**
 * Absolute path of an executable found in PATH (plus the sbin dirs), or null.
 * `node_modules/.bin` directories are skipped: npm puts them first in PATH,
 * and there `kamcmd`, `kamctl` and `kamdbctl` are OUR tools, while the
 * harness must always find the real ones.
 *
 * @param {string} name
 * @returns {string | null}
 */
export function which(name) {
	for (const dir of withSbin(process.env['PATH']).split(':')) {
		if (dir.split(path.sep).includes('node_modules')) continue;
		const p = path.join(dir, name);
		try {
			fs.accessSync(p, fs.constants.X_OK);
			if (fs.statSync(p).isFile()) return p;
		} catch {
			// not here
		}
	}
	return null;
}

/**
 * @typedef {object} Prerequisites
 * @property {string[]} problems   what is missing (empty when everything is there)
 * @property {string[]} warnings
 * @property {Partial<LabBinaries>} bin
 * @property {string | null} modulesDir
 * @property {string | null} kamailioVersion
 */

/**
 * Looks for everything startKamailio() needs except a running MariaDB
 * (see ensureMariadb()).  Never throws.
 *
 * @param {{ cfgFile?: string }} [options]
 * @returns {Promise<Prerequisites>}
 */
export async function checkPrerequisites(options = {}) {
	/** @type {string[]} */
	const problems = [];
	/** @type {string[]} */
	const warnings = [];
	/** @type {Partial<LabBinaries>} */
	const bin = {};
	/** @type {string | null} */
	let modulesDir = null;
	let kamailioVersion = null;

	const need = /** @type {const} */ ([
		['kamailio', 'kamailio'],
		['kamcmd', 'kamailio'],
		['kamctl', 'kamailio'],
		['kamdbctl', 'kamailio'],
		['mysql', 'mariadb-client'],
		['mysqladmin', 'mariadb-client'],
	]);
	for (const [tool, pkg] of need) {
		const p = which(tool);
		if (p) {
			if (tool !== 'mysqladmin') bin[tool] = p;
		} else {
			problems.push(`${tool} not found in PATH or /usr/sbin (Debian package: ${pkg})`);
		}
	}
	bin.sipp = which('sipp');

	if (bin.kamailio) {
		const v = await run(bin.kamailio, ['-v'], { timeoutMs: 10_000 });
		const m = /version:\s*kamailio\s+(\S+)/.exec(v.stdout + v.stderr);
		kamailioVersion = m?.[1] ?? null;
		if (!kamailioVersion) {
			problems.push(describeFailure(`${bin.kamailio} -v`, v));
		} else if (!kamailioVersion.startsWith('5.6.')) {
			problems.push(`kamailio ${kamailioVersion} found; the interop tests need Kamailio 5.6 (5.6.3)`);
		} else if (kamailioVersion !== '5.6.3') {
			warnings.push(`kamailio ${kamailioVersion} found; the reference behaviour was recorded with 5.6.3`);
		}
		modulesDir = await findModulesDir(bin.kamailio);
		if (!modulesDir) {
			problems.push('kamailio module directory not found (no ctl.so under /usr/lib/*/kamailio/modules)');
		} else {
			const cfg = await fsp.readFile(options.cfgFile ?? defaultCfgFile(), 'utf8');
			const mods = [...cfg.matchAll(/^\s*loadmodule\s+"([^"]+?)(?:\.so)?"/gm)].map((x) => /** @type {string} */ (x[1]));
			const dir = modulesDir;
			const missing = mods.filter((mod) => !fs.existsSync(path.join(dir, `${mod}.so`)));
			if (missing.length) {
				const pkgs = [...new Set(missing.map((mod) => MODULE_PACKAGES[mod] ?? 'kamailio'))];
				problems.push(
					`kamailio module(s) ${missing.map((mod) => `${mod}.so`).join(', ')} missing from ${modulesDir} ` +
						`(Debian package(s): ${pkgs.join(' ')})`,
				);
			}
		}
	}
	return { problems, warnings, bin, modulesDir, kamailioVersion };
}

/**
 * The default module directory compiled into kamailio (`kamailio -h`: "-L
 * path ... (default: DIR)"), else the first /usr/lib/<arch>/kamailio/modules
 * holding ctl.so.
 *
 * @param {string} kamailio
 * @returns {Promise<string | null>}
 */
async function findModulesDir(kamailio) {
	const h = await run(kamailio, ['-h'], { timeoutMs: 10_000 });
	const m = /-L path\s+Modules search path \(default: ([^)]+)\)/.exec(h.stdout + h.stderr);
	/** @type {string[]} */
	const candidates = [];
	if (m?.[1]) candidates.push(m[1].trim());
	try {
		for (const d of fs.readdirSync('/usr/lib')) candidates.push(`/usr/lib/${d}/kamailio/modules`);
	} catch {
		// no /usr/lib?
	}
	candidates.push('/usr/lib/kamailio/modules', '/usr/local/lib64/kamailio/modules', '/usr/local/lib/kamailio/modules');
	return candidates.find((d) => fs.existsSync(path.join(d, 'ctl.so'))) ?? null;
}

// ------------------------------------------------------------------ MariaDB / PostgreSQL

/**
 * @param {number} ms
 * @returns {Promise<void>}
 */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** @returns {Promise<boolean>} */
async function mariadbPing() {
	const p = which('mysqladmin');
	if (!p) return false;
	const r = await run(p, ['-uroot', 'ping'], { timeoutMs: 10_000 }).catch(() => null);
	return r?.code === 0;
}

/**
 * Makes sure MariaDB answers `mysqladmin -uroot ping` and root can log in
 * over the unix socket without a password (as kamdbctl is driven with an
 * empty DBROOTPW).  With `start` (default) an installed but stopped server
 * is started the way that works as root:
 * `start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql`
 * (without --user mariadbd refuses to run as root, and --background hides
 * that).  A server started here is left running.
 *
 * @param {{ start?: boolean, log?: (msg: string) => void, timeoutMs?: number }} [options]
 * @returns {Promise<{ started: boolean }>}
 */
export async function ensureMariadb(options = {}) {
	const { start = true, log = () => {}, timeoutMs = 60_000 } = options;
	let started = false;
	if (!(await mariadbPing())) {
		if (!which('mysqladmin') || !which('mysql')) {
			throw new LabError('MariaDB client (mysql, mysqladmin) not installed (Debian package: mariadb-client)');
		}
		const mariadbd = ['/usr/sbin/mariadbd', '/usr/sbin/mysqld'].find((p) => fs.existsSync(p));
		if (!mariadbd) {
			throw new LabError(
				'MariaDB is not reachable (`mysqladmin -uroot ping` failed) and not installed here ' +
					'(no /usr/sbin/mariadbd; Debian package: mariadb-server)',
			);
		}
		if (!start) {
			throw new LabError(
				'MariaDB is installed but not running (`mysqladmin -uroot ping` failed); start it with ' +
					'`start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql`',
			);
		}
		const ssd = which('start-stop-daemon');
		if (!ssd) throw new LabError('start-stop-daemon not found (Debian package: dpkg); cannot start MariaDB');
		log(`starting MariaDB (${mariadbd} --user=mysql)`);
		// /run/mysqld is normally made by the init system; a container may lack it.
		await run('install', ['-d', '-o', 'mysql', '-g', 'mysql', '-m', '0755', '/run/mysqld']).catch(() => null);
		const r = await run(ssd, ['--start', '--oknodo', '--background', '--exec', mariadbd, '--', '--user=mysql']);
		if (r.code !== 0) throw new LabError(describeFailure('start-stop-daemon (MariaDB)', r));
		const deadline = Date.now() + timeoutMs;
		while (!(await mariadbPing())) {
			if (Date.now() > deadline) {
				throw new LabError(
					`MariaDB did not answer \`mysqladmin -uroot ping\` within ${timeoutMs / 1000} s after start ` +
						'(see /var/log/mysql/error.log or run mariadbd --user=mysql in the foreground)',
				);
			}
			await sleep(500);
		}
		started = true;
	}
	const q = await mysqlRoot('SELECT 1');
	if (q.code !== 0) {
		throw new LabError(
			`${describeFailure('mysql -uroot -e "SELECT 1"', q)}\n` +
				'kamdbctl is driven with an empty root password: run as root (unix_socket auth) or allow root without password',
		);
	}
	return { started };
}

/**
 * Makes sure PostgreSQL accepts `psql -h 127.0.0.1 -U postgres` (trust);
 * with `start` (default) starts the installed cluster(s) with
 * `pg_ctlcluster --skip-systemctl-redirect <version> main start`.  A server
 * started here is left running.
 *
 * @param {{ start?: boolean, host?: string, port?: number, user?: string, log?: (msg: string) => void, timeoutMs?: number }} [options]
 * @returns {Promise<PostgresInfo & { started: boolean }>}
 */
export async function ensurePostgres(options = {}) {
	const { start = true, host = '127.0.0.1', port = 5432, user = 'postgres', log = () => {}, timeoutMs = 60_000 } = options;
	const isready = which('pg_isready');
	const psql = which('psql');
	if (!isready || !psql) {
		throw new LabError('PostgreSQL client (psql, pg_isready) not installed (Debian package: postgresql-client)');
	}
	const ready = async () => (await run(isready, ['-q', '-h', host, '-p', String(port)], { timeoutMs: 10_000 })).code === 0;
	let started = false;
	if (!(await ready())) {
		const ctl = which('pg_ctlcluster');
		/** @type {string[]} */
		let versions = [];
		try {
			versions = fs.readdirSync('/etc/postgresql').filter((v) => fs.existsSync(`/etc/postgresql/${v}/main`));
		} catch {
			// none
		}
		if (!ctl || versions.length === 0) {
			throw new LabError(
				`PostgreSQL is not reachable on ${host}:${port} and no cluster is installed here ` +
					'(no /etc/postgresql/<version>/main; Debian package: postgresql)',
			);
		}
		if (!start) {
			throw new LabError(
				`PostgreSQL is installed but not running on ${host}:${port}; start it with ` +
					'`pg_ctlcluster --skip-systemctl-redirect <version> main start`',
			);
		}
		for (const v of versions) {
			log(`starting PostgreSQL ${v}/main`);
			const r = await run(ctl, ['--skip-systemctl-redirect', v, 'main', 'start'], { timeoutMs });
			if (r.code !== 0) log(describeFailure(`pg_ctlcluster ${v} main start`, r));
		}
		const deadline = Date.now() + timeoutMs;
		while (!(await ready())) {
			if (Date.now() > deadline) {
				throw new LabError(`PostgreSQL did not become ready on ${host}:${port} (see /var/log/postgresql/)`);
			}
			await sleep(500);
		}
		started = true;
	}
	const q = await run(psql, ['-h', host, '-p', String(port), '-U', user, '-w', '-Atc', 'SELECT 1'], { timeoutMs: 20_000 });
	if (q.code !== 0) {
		throw new LabError(
			`${describeFailure(`psql -h ${host} -U ${user}`, q)}\nthe interop tests expect trust authentication for ${user} on ${host}`,
		);
	}
	return { host, port, user, started };
}

// ------------------------------------------------------------------ ports

/**
 * Binds 127.0.0.1:port (tcp or udp) and returns a function releasing it, or
 * null when the port is taken.
 *
 * @param {'tcp' | 'udp'} proto
 * @param {number} port
 * @returns {Promise<(() => Promise<void>) | null>}
 */
function holdPort(proto, port) {
	return new Promise((resolve) => {
		if (proto === 'tcp') {
			const srv = net.createServer();
			srv.once('error', () => resolve(null));
			srv.listen({ port, host: '127.0.0.1', exclusive: true }, () =>
				resolve(() => new Promise((r) => srv.close(() => r()))),
			);
		} else {
			const sock = dgram.createSocket('udp4');
			sock.once('error', () => {
				sock.close();
				resolve(null);
			});
			sock.bind({ port, address: '127.0.0.1', exclusive: true }, () =>
				resolve(() => new Promise((r) => sock.close(() => r()))),
			);
		}
	});
}

/** @returns {[number, number]} port range to draw from: below the kernel's ephemeral range */
function portRange() {
	try {
		const [lo, hi] = fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
		if (lo && lo - 1 - 10_000 >= 2000) return [10_000, lo - 1];
		if (hi && 65_000 - (hi + 1) >= 2000) return [hi + 1, 65_000];
	} catch {
		// not Linux?
	}
	return [20_000, 30_000];
}

/**
 * @typedef {object} LabPorts
 * @property {number} sip        udp + tcp
 * @property {number} http       tcp
 * @property {number} binrpcTcp  tcp
 * @property {number} binrpcUdp  udp
 * @property {number} dsDead     udp, left unbound (dispatcher destination nobody answers on)
 */

/**
 * Picks free, distinct ports (checked by binding them all at once).  Fixed
 * values in `fixed` are used as given (and checked).
 *
 * @param {Partial<LabPorts>} [fixed]
 * @returns {Promise<LabPorts>}
 */
export async function pickFreePorts(fixed = {}) {
	const [lo, hi] = portRange();
	/** @type {Array<() => Promise<void>>} */
	const held = [];
	/** @type {Set<number>} */
	const used = new Set();
	/**
	 * @param {keyof LabPorts} name
	 * @param {Array<'tcp' | 'udp'>} protos
	 * @returns {Promise<number>}
	 */
	const take = async (name, protos) => {
		const given = fixed[name];
		for (let attempt = 0; attempt < 200; attempt++) {
			const port = given ?? lo + Math.floor(Math.random() * (hi - lo + 1));
			if (used.has(port)) {
				if (given) throw new LabError(`port ${given} given twice`);
				continue;
			}
			/** @type {Array<() => Promise<void>>} */
			const mine = [];
			let ok = true;
			for (const proto of protos) {
				const release = await holdPort(proto, port);
				if (!release) {
					ok = false;
					break;
				}
				mine.push(release);
			}
			if (ok) {
				held.push(...mine);
				used.add(port);
				return port;
			}
			await Promise.all(mine.map((f) => f()));
			if (given) throw new LabError(`port ${given} (${name}) is already in use`);
		}
		throw new LabError(`could not find a free port for ${name} in ${lo}-${hi}`);
	};
	try {
		return {
			sip: await take('sip', ['udp', 'tcp']),
			http: await take('http', ['tcp']),
			binrpcTcp: await take('binrpcTcp', ['tcp']),
			binrpcUdp: await take('binrpcUdp', ['udp']),
			dsDead: await take('dsDead', ['udp', 'tcp']),
		};
	} finally {
		await Promise.all(held.map((f) => f()));
	}
}

// ------------------------------------------------------------------ processes

/**
 * @param {number} pid
 * @returns {{ state: string, pgrp: number } | null}
 */
function procStat(pid) {
	try {
		const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		const rest = s.slice(s.lastIndexOf(')') + 2).split(' ');
		return { state: rest[0] ?? '?', pgrp: Number(rest[2]) };
	} catch {
		return null;
	}
}

/** @param {number} pid @returns {boolean} running (a zombie counts as gone) */
function isAlive(pid) {
	const st = procStat(pid);
	return st !== null && st.state !== 'Z' && st.state !== 'X';
}

/**
 * True when pid is a kamailio process whose command line mentions workDir
 * (so a recycled pid is never touched).
 *
 * @param {number} pid
 * @param {string} workDir
 * @returns {boolean}
 */
function isLabKamailio(pid, workDir) {
	try {
		const exe = fs.readlinkSync(`/proc/${pid}/exe`);
		const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
		return path.basename(exe).startsWith('kamailio') && cmdline.includes(workDir);
	} catch {
		return false;
	}
}

/**
 * kamailio processes of the process group led by pid (the lab starts the
 * main process in its own session, so the group is the whole lab).
 *
 * @param {number} pgid
 * @param {string} workDir
 * @returns {number[]}
 */
function groupMembers(pgid, workDir) {
	/** @type {number[]} */
	const pids = [];
	for (const d of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(d)) continue;
		const pid = Number(d);
		const st = procStat(pid);
		if (st && st.pgrp === pgid && st.state !== 'Z' && isLabKamailio(pid, workDir)) pids.push(pid);
	}
	return pids;
}

/**
 * @param {number} pid
 * @param {NodeJS.Signals} sig
 */
function signal(pid, sig) {
	try {
		process.kill(pid, sig);
	} catch {
		// already gone
	}
}

/**
 * @param {() => boolean} cond
 * @param {number} timeoutMs
 * @returns {Promise<boolean>}
 */
async function waitFor(cond, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (!cond()) {
		if (Date.now() > deadline) return false;
		await sleep(100);
	}
	return true;
}

/**
 * SIGTERM to the kamailio main pid (it terminates its children), SIGKILL
 * after termTimeoutMs, then SIGKILL to any kamailio left in its group.
 *
 * @param {number} pid
 * @param {string} workDir
 * @param {(msg: string) => void} log
 * @param {number} [termTimeoutMs]
 */
async function killKamailio(pid, workDir, log, termTimeoutMs = 15_000) {
	const members = new Set(groupMembers(pid, workDir));
	if (isAlive(pid)) {
		if (!isLabKamailio(pid, workDir)) {
			log(`pid ${pid} is not this lab's kamailio any more; not touching it`);
		} else {
			signal(pid, 'SIGTERM');
			if (!(await waitFor(() => !isAlive(pid), termTimeoutMs))) {
				log(`kamailio ${pid} still alive after ${termTimeoutMs / 1000} s, SIGKILL`);
				signal(pid, 'SIGKILL');
				await waitFor(() => !isAlive(pid), 5000);
			}
		}
	}
	for (const p of groupMembers(pid, workDir)) members.add(p);
	members.delete(pid);
	// (a process in the middle of exiting has no readable exe any more: wait
	// for every member, SIGKILL only verified kamailio processes)
	const left = [...members].filter((p) => isAlive(p));
	if (left.length) {
		// children normally exit with the main process; give them a moment
		await waitFor(() => left.every((p) => !isAlive(p)), 3000);
		for (const p of left) {
			if (isAlive(p) && isLabKamailio(p, workDir)) {
				log(`kamailio child ${p} still alive, SIGKILL`);
				signal(p, 'SIGKILL');
			}
		}
		await waitFor(() => left.every((p) => !isAlive(p)), 5000);
	}
}

// ------------------------------------------------------------------ database

const SAFE_NAME = /^[A-Za-z0-9_]+$/;

/**
 * DROP the database and every account named like the lab users (any host).
 *
 * @param {string} dbName
 * @param {string[]} users
 * @returns {Promise<void>}
 */
async function dropDatabaseAndUsers(dbName, users) {
	for (const n of [dbName, ...users]) {
		if (!SAFE_NAME.test(n)) throw new LabError(`refusing unsafe database/user name ${JSON.stringify(n)}`);
	}
	const list = users.map((u) => `'${u}'`).join(',');
	const q = await mysqlRoot(`SELECT CONCAT(QUOTE(User), '@', QUOTE(Host)) FROM mysql.user WHERE User IN (${list})`);
	if (q.code !== 0) throw new LabError(describeFailure('listing lab users', q));
	const accounts = q.stdout.split('\n').filter(Boolean);
	const sql = [`DROP DATABASE IF EXISTS \`${dbName}\`;`, ...accounts.map((a) => `DROP USER IF EXISTS ${a};`)].join('\n');
	const r = await mysqlRoot(sql);
	if (r.code !== 0) throw new LabError(describeFailure(`dropping database ${dbName} and its users`, r));
}

// ------------------------------------------------------------------ state / teardown

/**
 * Written to <workDir>/lab-state.json before anything is created, so that a
 * lab whose creator died can still be cleaned up (reapStaleLabs / stopLab).
 *
 * @typedef {object} LabState
 * @property {number} creatorPid
 * @property {boolean} persistent      started from the CLI: never reaped automatically
 * @property {boolean} ownsWorkDir     the work dir was made by the harness (removed on stop)
 * @property {string} workDir
 * @property {string} dbName
 * @property {string[]} dbUsers
 * @property {boolean} [ownsDatabase] false: the database was given (`database` option) and is left alone
 * @property {number | null} kamailioPid
 */

/**
 * @param {LabState} state
 * @returns {Promise<void>}
 */
async function writeState(state) {
	await fsp.writeFile(path.join(state.workDir, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}

/**
 * @param {LabState} state
 * @param {{ keepWorkDir?: boolean, log?: (msg: string) => void }} [options]
 * @returns {Promise<void>}
 */
async function teardown(state, options = {}) {
	const { keepWorkDir = false, log = () => {} } = options;
	/** @type {string[]} */
	const errors = [];
	if (state.kamailioPid) {
		try {
			await killKamailio(state.kamailioPid, state.workDir, log);
		} catch (e) {
			errors.push(`stopping kamailio ${state.kamailioPid}: ${/** @type {Error} */ (e).message}`);
		}
	}
	try {
		if (state.ownsDatabase === false) {
			// the caller's database: not ours to drop
		} else if (await mariadbPing()) {
			await dropDatabaseAndUsers(state.dbName, state.dbUsers);
		} else {
			errors.push(`MariaDB not reachable: database ${state.dbName} and users ${state.dbUsers.join(', ')} were NOT dropped`);
		}
	} catch (e) {
		errors.push(/** @type {Error} */ (e).message);
	}
	if (state.ownsWorkDir && !keepWorkDir && errors.length === 0) {
		await fsp.rm(state.workDir, { recursive: true, force: true });
	} else if (fs.existsSync(state.workDir)) {
		await writeState({ ...state, kamailioPid: null }).catch(() => {});
	}
	if (errors.length) throw new LabError(`lab teardown incomplete:\n${errors.join('\n')}`);
}

/**
 * Stops the lab whose work dir is given (kamailio, database, users) using its
 * lab-state.json; for labs started by another process (e.g. the CLI).
 *
 * @param {string} workDir
 * @param {{ keepWorkDir?: boolean, log?: (msg: string) => void }} [options]
 * @returns {Promise<void>}
 */
export async function stopLab(workDir, options = {}) {
	const file = path.join(workDir, STATE_FILE);
	if (!fs.existsSync(file)) throw new LabError(`${file} not found: not a kamkit lab work dir`);
	const state = /** @type {LabState} */ (JSON.parse(await fsp.readFile(file, 'utf8')));
	await teardown(state, options);
}

/**
 * Cleans up labs in the temp dir whose creating process is gone (e.g. a test
 * run killed with SIGKILL): their kamailio, database and users.  Labs started
 * with `persistent` (the CLI) are left alone.
 *
 * @param {{ log?: (msg: string) => void }} [options]
 * @returns {Promise<string[]>} the work dirs cleaned up
 */
export async function reapStaleLabs(options = {}) {
	const { log = () => {} } = options;
	/** @type {string[]} */
	const reaped = [];
	const tmp = os.tmpdir();
	for (const d of await fsp.readdir(tmp).catch(() => /** @type {string[]} */ ([]))) {
		if (!d.startsWith(WORKDIR_PREFIX)) continue;
		const workDir = path.join(tmp, d);
		/** @type {LabState} */
		let state;
		try {
			state = JSON.parse(await fsp.readFile(path.join(workDir, STATE_FILE), 'utf8'));
		} catch {
			continue;
		}
		if (state.persistent || isAlive(state.creatorPid)) continue;
		log(`reaping stale lab ${workDir} (creator ${state.creatorPid} gone; db ${state.dbName})`);
		try {
			await teardown(state, { log });
			reaped.push(workDir);
		} catch (e) {
			log(/** @type {Error} */ (e).message);
		}
	}
	return reaped;
}

// ------------------------------------------------------------------ start

/**
 * @typedef {object} StartOptions
 * @property {string} [workDir]        default: fresh mkdtemp(<tmp>/kamkit-lab.XXXXXX), removed by stop()
 * @property {string} [cfgFile]        default: test/harness/kamailio.cfg
 * @property {string} [domain]         SIP domain / realm (default "lab.local")
 * @property {string} [dbName]         default "kamkit_lab_<hex>" (dropped first if it exists!)
 * @property {ExistingDatabase} [database] run against this existing database instead of one made
 *           by the real kamdbctl (no dispatcher rows are seeded; stop() leaves it in place)
 * @property {string[]} [defines]      extra `-A` defines for the config (e.g. "WITH_PGSQL")
 * @property {string} [charset]        kamdbctl CHARSET (default "latin1"; "utf8mb4" works too)
 * @property {number} [children]       UDP workers (default 4)
 * @property {number} [shmMb]          default 256
 * @property {number} [pkgMb]          default 16
 * @property {boolean} [breakpoints]   debugger breakpoint=1 (blocks SIP workers!)
 * @property {boolean} [cfgTrace]      debugger cfgtrace=1
 * @property {number} [dsPingInterval] dispatcher OPTIONS probing interval in s (default 10)
 * @property {Partial<LabPorts>} [ports] fixed ports (default: free ones are picked)
 * @property {boolean} [startMariadb]  start an installed but stopped MariaDB (default false: fail)
 * @property {boolean} [persistent]    not reaped by reapStaleLabs() when this process exits (CLI)
 * @property {number} [readyTimeoutMs] default 30000
 * @property {(msg: string) => void} [log]
 */

/**
 * A database made beforehand (e.g. by kamkit's kamdbctl) for the lab to use.
 *
 * @typedef {ServerDatabase | SqliteDatabase} ExistingDatabase
 */

/**
 * A MariaDB or PostgreSQL database.
 *
 * @typedef {object} ServerDatabase
 * @property {'MYSQL' | 'PGSQL'} engine
 * @property {string} name
 * @property {string} host           DBHOST for kamctl, host of the db_url
 * @property {number} [port]
 * @property {string} rwUser
 * @property {string} rwPassword
 * @property {string} roUser
 * @property {string} roPassword
 */

/**
 * An SQLite database file: Kamailio opens it with db_sqlite as `sqlite:///PATH` (so
 * `sqlite:////tmp/...`), the real
 * kamctl/kamdbctl with DBENGINE=SQLITE and DB_PATH=PATH.  Kamailio runs as the harness's own
 * user (no -u/-g), so the file and its directory (SQLite writes its journal next to it) must be
 * writable by that user, which they are when that user made them.
 *
 * @typedef {object} SqliteDatabase
 * @property {'SQLITE'} engine
 * @property {string} path           the database file (must exist)
 */

/**
 * @typedef {object} KamailioLab
 * @property {string} workDir
 * @property {LabEnv} env
 * @property {string} envFile   <workDir>/lab-env.json (the env as JSON)
 * @property {number} pid       kamailio main pid
 * @property {(options?: { keepWorkDir?: boolean }) => Promise<void>} stop
 *           stops kamailio, drops the database and users, removes the work dir
 *           (unless keepWorkDir or it was given by the caller); idempotent
 */

/**
 * Starts a real Kamailio with a fresh database.  Throws LabError with a clear
 * message when something is missing (kamailio, kamdbctl, modules, MariaDB).
 *
 * @param {StartOptions} [options]
 * @returns {Promise<KamailioLab>}
 */
export async function startKamailio(options = {}) {
	const log = options.log ?? (() => {});
	const cfgFile = path.resolve(options.cfgFile ?? defaultCfgFile());
	const domain = options.domain ?? 'lab.local';
	const charset = options.charset ?? 'latin1';
	const children = options.children ?? 4;
	const shmMb = options.shmMb ?? 256;
	const pkgMb = options.pkgMb ?? 16;
	const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;

	const pre = await checkPrerequisites({ cfgFile });
	for (const w of pre.warnings) log(`warning: ${w}`);
	if (pre.problems.length) {
		throw new LabError(`cannot start the Kamailio lab, missing:\n  - ${pre.problems.join('\n  - ')}`);
	}
	const bin = /** @type {LabBinaries} */ ({ ...pre.bin, sipp: pre.bin.sipp ?? null });
	const modulesDir = /** @type {string} */ (pre.modulesDir);
	await ensureMariadb({ start: options.startMariadb ?? false, log });

	// ---- work dir
	const ownsWorkDir = !options.workDir;
	const workDir = options.workDir
		? path.resolve(options.workDir)
		: await fsp.mkdtemp(path.join(os.tmpdir(), WORKDIR_PREFIX));
	await fsp.mkdir(path.join(workDir, 'tmp'), { recursive: true });
	await fsp.mkdir(path.join(workDir, 'bin'), { recursive: true });
	const ctlSocketPath = path.join(workDir, 'kamailio_ctl');
	if (Buffer.byteLength(ctlSocketPath) > 100) {
		throw new LabError(`work dir path too long for a unix socket: ${ctlSocketPath}`);
	}
	const rpcFifo = path.join(workDir, 'kamailio_rpc.fifo');
	const ctlUnixd = `unixd:${path.join(workDir, 'kamailio_ctl.dgram')}`;
	const rpcDgram = path.join(workDir, 'kamailio_rpc.sock');
	const fifoReplyDir = `${path.join(workDir, 'tmp')}/`;
	const pidFile = path.join(workDir, 'kamailio.pid');
	const logFile = path.join(workDir, 'kamailio.log');
	const kamctlrc = path.join(workDir, '.kamctlrc');

	// ---- names
	const id = randomBytes(4).toString('hex');
	const given = options.database;
	// SQLite: a file, no server, no users (dbName is the file's path)
	const sqlitePath = given?.engine === 'SQLITE' ? path.resolve(given.path) : undefined;
	const server = given?.engine === 'SQLITE' ? undefined : given;
	const dbEngine = given?.engine ?? 'MYSQL';
	const dbHost = server?.host ?? 'localhost';
	const dbName = sqlitePath ?? server?.name ?? options.dbName ?? `kamkit_lab_${id}`;
	const dbRwUser = server?.rwUser ?? `kamkit_${id}_rw`;
	const dbRoUser = server?.roUser ?? `kamkit_${id}_ro`;
	const dbRwPassword = server?.rwPassword ?? randomBytes(9).toString('base64url');
	const dbRoPassword = server?.roPassword ?? randomBytes(9).toString('base64url');
	if (sqlitePath) {
		if (!fs.existsSync(sqlitePath)) throw new LabError(`SQLite database ${sqlitePath} does not exist`);
	} else if (!SAFE_NAME.test(dbName)) {
		throw new LabError(`invalid dbName ${JSON.stringify(dbName)} (letters, digits, _)`);
	}
	// db_sqlite drops the first "/" after "sqlite://" (the host part, empty): an absolute path
	// needs four slashes, else it is opened relative to the working dir (-w)
	const dbUrl = sqlitePath
		? `sqlite:///${sqlitePath}`
		: `${dbEngine === 'PGSQL' ? 'postgres' : 'mysql'}://${dbRwUser}:${dbRwPassword}@${dbHost}${server?.port ? `:${server.port}` : ''}/${dbName}`;

	/** @type {LabState} */
	const state = {
		creatorPid: process.pid,
		persistent: options.persistent ?? false,
		ownsWorkDir,
		workDir,
		dbName,
		dbUsers: [dbRwUser, dbRoUser],
		ownsDatabase: !given,
		kamailioPid: null,
	};
	await writeState(state);

	try {
		// ---- kamctlrc + wrappers (kamctl/kamdbctl source ~/.kamctlrc: HOME=workDir)
		await fsp.writeFile(
			kamctlrc,
			`# generated by test/harness/kamailio-lab.mjs -- used via HOME=${workDir}
SIP_DOMAIN=${domain}
DBENGINE=${dbEngine}
DBHOST=${dbHost}
${server?.port ? `DBPORT=${server.port}\n` : ''}DBNAME=${dbName}
${sqlitePath ? `DB_PATH="${sqlitePath}"\n` : ''}DBRWUSER="${dbRwUser}"
DBRWPW="${dbRwPassword}"
DBROUSER="${dbRoUser}"
DBROPW="${dbRoPassword}"
DBROOTUSER="root"
# empty root password (unix_socket auth as root): skip the password prompt
DBROOTPW=""
DBROOTPWSKIP=yes
# the server default charset is utf8mb4, which kamdbctl's charset probe
# filters out before asking interactively -> set it here
CHARSET="${charset}"
INSTALL_EXTRA_TABLES=yes
INSTALL_PRESENCE_TABLES=yes
INSTALL_DBUID_TABLES=no
CTLENGINE="RPCFIFO"
RPCFIFOPATH="${rpcFifo}"
# kamctl creates its reply FIFO as \$CHROOT_DIR/tmp/kamailio_receiver_<pid>
# and sends only the basename; jsonrpcs fifo_reply_dir is ${fifoReplyDir}
CHROOT_DIR="${workDir}"
PID_FILE="${pidFile}"
STORE_PLAINTEXT_PW=1
VERIFY_ACL=1
ACL_GROUPS="local ld int voicemail free-pstn"
`,
		);
		for (const tool of /** @type {const} */ (['kamctl', 'kamdbctl'])) {
			await fsp.writeFile(path.join(workDir, 'bin', tool), `#!/bin/sh\nHOME="${workDir}" exec ${bin[tool]} "$@"\n`, {
				mode: 0o755,
			});
		}
		await fsp.writeFile(
			path.join(workDir, 'bin', 'kamcmd'),
			`#!/bin/sh\n# default to the lab's unix ctl socket unless -s is given\ncase " $* " in\n\t*" -s "*) exec ${bin.kamcmd} "$@" ;;\n\t*) exec ${bin.kamcmd} -s "unix:${ctlSocketPath}" "$@" ;;\nesac\n`,
			{ mode: 0o755 },
		);

		// ---- database with the real kamdbctl (unless one was given)
		if (given) {
			log(`using the given ${dbEngine} database ${dbName}`);
		} else {
			log(`creating database ${dbName} with the real kamdbctl create`);
			await dropDatabaseAndUsers(dbName, state.dbUsers);
			const t0 = Date.now();
			const create = await run(bin.kamdbctl, ['create'], {
				env: { ...process.env, HOME: workDir, PATH: withSbin(process.env['PATH']) },
				timeoutMs: 180_000,
			});
			await fsp.writeFile(path.join(workDir, 'kamdbctl-create.log'), create.stdout + create.stderr);
			await fsp.writeFile(path.join(workDir, 'kamdbctl-create.seconds'), `${((Date.now() - t0) / 1000).toFixed(3)}\n`);
			if (create.code !== 0) throw new LabError(describeFailure('kamdbctl create', create));
			const tables = await mysqlRoot(
				`SELECT table_name FROM information_schema.tables WHERE table_schema='${dbName}'`,
			);
			const names = new Set(tables.stdout.split('\n').filter(Boolean));
			const want = ['version', 'subscriber', 'location', 'dispatcher', 'grp', 'address'];
			const absent = want.filter((t) => !names.has(t));
			if (tables.code !== 0 || absent.length) {
				throw new LabError(
					`kamdbctl create exited 0 but tables ${absent.join(', ')} are missing in ${dbName} (${names.size} tables)\n` +
						create.stdout +
						create.stderr,
				);
			}
			log(`kamdbctl create: ${names.size} tables in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
		}

		// ---- kamailio (retry with other ports if one got taken meanwhile)
		/** @type {LabPorts | null} */
		let ports = null;
		/** @type {number | null} */
		let pid = null;
		for (let attempt = 1; ; attempt++) {
			ports = await pickFreePorts(options.ports);
			const sipIp = '127.0.0.1';
			if (!given) {
				const seed = await mysqlRoot(
					`DELETE FROM dispatcher;
					INSERT INTO dispatcher (setid, destination, flags, priority, attrs, description) VALUES
					(1, 'sip:${sipIp}:${ports.sip}', 0, 10, 'weight=50', 'lab self (answers OPTIONS keepalive)'),
					(1, 'sip:${sipIp}:${ports.dsDead}', 0, 5, 'weight=50', 'nothing listens here');`,
					{ database: dbName },
				);
				if (seed.code !== 0) throw new LabError(describeFailure('seeding dispatcher set 1', seed));
			}

			const args = [
				'-f', cfgFile,
				'-L', modulesDir,
				'-P', pidFile,
				'-w', workDir,
				'-m', String(shmMb),
				'-M', String(pkgMb),
				'-A', `LAB_SIP_IP=${sipIp}`,
				'-A', `LAB_SIP_PORT=${ports.sip}`,
				'-A', `LAB_HTTP_PORT=${ports.http}`,
				'-A', `LAB_CTL_UNIX="unix:${ctlSocketPath}"`,
				'-A', `LAB_CTL_TCP="tcp:127.0.0.1:${ports.binrpcTcp}"`,
				'-A', `LAB_CTL_UDP="udp:127.0.0.1:${ports.binrpcUdp}"`,
				'-A', `LAB_CTL_UNIXD="${ctlUnixd}"`,
				'-A', `LAB_RPC_DGRAM="${rpcDgram}"`,
				'-A', `LAB_RPC_FIFO="${rpcFifo}"`,
				'-A', `LAB_FIFO_REPLY_DIR="${fifoReplyDir}"`,
				'-A', `LAB_RUN_DIR="${workDir}"`,
				'-A', `LAB_DBURL="${dbUrl}"`,
				'-A', `LAB_DOMAIN="${domain}"`,
				'-A', `LAB_CHILDREN=${children}`,
				'-A', `LAB_DS_PING_INTERVAL=${options.dsPingInterval ?? 10}`,
			];
			for (const d of options.defines ?? []) args.push('-A', d);
			if (options.breakpoints) args.push('-A', 'WITH_BREAKPOINTS');
			if (options.cfgTrace) args.push('-A', 'WITH_CFGTRACE');

			if (attempt === 1) {
				const check = await run(bin.kamailio, ['-c', ...args], { timeoutMs: 30_000 });
				await fsp.writeFile(path.join(workDir, 'kamailio-check.log'), check.stdout + check.stderr);
				if (check.code !== 0) throw new LabError(describeFailure(`kamailio -c -f ${cfgFile}`, check));
			}
			await fsp.writeFile(
				path.join(workDir, 'kamailio.cmdline'),
				`${[bin.kamailio, '-DD', '-E', ...args].map((a) => (/^[\w./:=@,+-]+$/.test(a) ? a : `'${a}'`)).join(' ')}\n`,
			);
			await fsp.rm(pidFile, { force: true });

			// -DD: the creator does not daemonize, so the spawned pid is the main
			// process (= -P pid file); detached: own session and process group.
			const logFd = fs.openSync(logFile, 'a');
			const child = spawn(bin.kamailio, ['-DD', '-E', ...args], {
				cwd: workDir,
				detached: true,
				stdio: ['ignore', logFd, logFd],
			});
			fs.closeSync(logFd);
			/** @type {{ code: number | null, signal: string | null } | null} */
			let exited = null;
			child.on('exit', (code, sig) => {
				exited = { code, signal: sig };
			});
			child.on('error', () => {
				exited = { code: null, signal: null };
			});
			child.unref();
			pid = child.pid ?? null;
			if (!pid) throw new LabError(`could not spawn ${bin.kamailio}`);
			state.kamailioPid = pid;
			await writeState(state);
			log(`kamailio pid ${pid} (attempt ${attempt}), SIP ${ports.sip}, HTTP ${ports.http}, BINRPC tcp ${ports.binrpcTcp} udp ${ports.binrpcUdp}`);

			const ready = await waitReady({
				kamcmd: bin.kamcmd,
				ctlSocketPath,
				jsonrpcHttp: `http://127.0.0.1:${ports.http}/RPC`,
				hasExited: () => exited !== null,
				timeoutMs: readyTimeoutMs,
			});
			if (ready) break;

			const logText = await fsp.readFile(logFile, 'utf8').catch(() => '');
			await killKamailio(pid, workDir, log);
			state.kamailioPid = null;
			await writeState(state);
			const tail = logText.split('\n').slice(-40).join('\n');
			if (/Address already in use/i.test(logText) && !options.ports && attempt < 4) {
				log('a port was taken meanwhile; retrying with other ports');
				await fsp.rename(logFile, `${logFile}.attempt${attempt}`).catch(() => {});
				continue;
			}
			const how = exited
				? `exited (code ${/** @type {{code: number|null}} */ (exited).code})`
				: `did not answer core.uptime on unix:${ctlSocketPath} within ${readyTimeoutMs / 1000} s`;
			throw new LabError(`kamailio ${how}; last lines of ${logFile}:\n${tail}`);
		}
		const pidFromFile = Number((await fsp.readFile(pidFile, 'utf8').catch(() => '')).trim());
		if (pidFromFile && pidFromFile !== pid) log(`warning: pid file says ${pidFromFile}, spawned ${pid}`);

		const v = await kamcmdVersion(bin.kamcmd, ctlSocketPath);
		/** @type {LabEnv} */
		const env = {
			workDir,
			kamailioVersion: v ?? pre.kamailioVersion ?? 'unknown',
			pid,
			pidFile,
			logFile,
			cfgFile,
			modulesDir,
			sipIp: '127.0.0.1',
			sipPort: ports.sip,
			sipUdp: `udp:127.0.0.1:${ports.sip}`,
			sipTcp: `tcp:127.0.0.1:${ports.sip}`,
			domain,
			httpPort: ports.http,
			ctlSocket: `unix:${ctlSocketPath}`,
			ctlSocketPath,
			binrpcTcp: `tcp:127.0.0.1:${ports.binrpcTcp}`,
			binrpcTcpPort: ports.binrpcTcp,
			binrpcUdp: `udp:127.0.0.1:${ports.binrpcUdp}`,
			binrpcUdpPort: ports.binrpcUdp,
			ctlUnixd,
			jsonrpcHttp: `http://127.0.0.1:${ports.http}/RPC`,
			xmlrpcHttp: `xmlrpc+http://127.0.0.1:${ports.http}/RPC2`,
			rpcFifo,
			fifoReplyDir,
			rpcDgram,
			dsDeadPort: ports.dsDead,
			dispatcherSet1: given ? [] : [`sip:127.0.0.1:${ports.sip}`, `sip:127.0.0.1:${ports.dsDead}`],
			dbEngine,
			dbHost,
			dbName,
			dbRwUser,
			dbRwPassword,
			dbRoUser,
			dbRoPassword,
			dbUrl,
			kamctlrc,
			kamctlHome: workDir,
			bin,
		};
		const envFile = path.join(workDir, ENV_FILE);
		await fsp.writeFile(envFile, `${JSON.stringify(env, null, 2)}\n`);
		await fsp.writeFile(
			path.join(workDir, 'lab.env'),
			`# source me: PATH gets kamctl/kamdbctl/kamcmd wrappers bound to this lab\nLAB_WORK='${workDir}'\nPATH='${workDir}/bin':"$PATH"\n`,
		);

		/** @type {Promise<void> | null} */
		let stopping = null;
		const finalPid = pid;
		return {
			workDir,
			env,
			envFile,
			pid: finalPid,
			stop: (stopOptions = {}) => {
				stopping ??= teardown(state, { keepWorkDir: stopOptions.keepWorkDir ?? false, log });
				return stopping;
			},
		};
	} catch (e) {
		// leave nothing running and no database behind; keep the work dir (logs)
		await teardown(state, { keepWorkDir: true, log }).catch((te) => log(/** @type {Error} */ (te).message));
		if (e instanceof LabError) {
			e.message += `\n(work dir kept for inspection: ${workDir})`;
		}
		throw e;
	}
}

/**
 * @param {{ kamcmd: string, ctlSocketPath: string, jsonrpcHttp: string, hasExited: () => boolean, timeoutMs: number }} o
 * @returns {Promise<boolean>}
 */
async function waitReady(o) {
	const deadline = Date.now() + o.timeoutMs;
	let ctlOk = false;
	while (Date.now() < deadline) {
		if (o.hasExited()) return false;
		if (!ctlOk && fs.existsSync(o.ctlSocketPath)) {
			const r = await run(o.kamcmd, ['-s', `unix:${o.ctlSocketPath}`, 'core.uptime'], { timeoutMs: 5000 });
			ctlOk = r.code === 0 && /uptime/.test(r.stdout);
		}
		if (ctlOk) {
			try {
				const res = await fetch(o.jsonrpcHttp, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: '{"jsonrpc":"2.0","method":"core.uptime","id":1}',
					signal: AbortSignal.timeout(3000),
				});
				if (res.ok && /uptime/.test(await res.text())) return true;
			} catch {
				// not yet
			}
		}
		await sleep(200);
	}
	return false;
}

/**
 * "5.6.3" from `kamcmd core.version` ("kamailio 5.6.3 (x86_64/linux) ...").
 *
 * @param {string} kamcmdBin
 * @param {string} ctlSocketPath
 * @returns {Promise<string | null>}
 */
async function kamcmdVersion(kamcmdBin, ctlSocketPath) {
	const r = await run(kamcmdBin, ['-s', `unix:${ctlSocketPath}`, 'core.version'], { timeoutMs: 5000 });
	return /kamailio\s+(\S+)/.exec(r.stdout)?.[1] ?? null;
}

// ------------------------------------------------------------------ CLI

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
	const log = (/** @type {string} */ m) => process.stderr.write(`[kamailio-lab] ${m}\n`);
	const [cmd, arg] = process.argv.slice(2);
	try {
		if (cmd === 'start') {
			await ensureMariadb({ log });
			const lab = await startKamailio({ log, persistent: true });
			process.stdout.write(`${JSON.stringify(lab.env, null, 2)}\n`);
			log(`lab running; env: ${lab.envFile}`);
			log(`shell: . ${lab.workDir}/lab.env    stop: node ${path.relative(process.cwd(), fileURLToPath(import.meta.url))} stop ${lab.workDir}`);
		} else if (cmd === 'stop' && arg) {
			await stopLab(arg, { log });
			log(`stopped ${arg}`);
		} else if (cmd === 'reap') {
			const done = await reapStaleLabs({ log });
			log(`reaped ${done.length} lab(s)`);
		} else {
			process.stderr.write('usage: kamailio-lab.mjs start | stop WORKDIR | reap\n');
			process.exitCode = 2;
		}
	} catch (e) {
		log(e instanceof LabError ? e.message : String(/** @type {Error} */ (e).stack ?? e));
		process.exitCode = 1;
	}
}
