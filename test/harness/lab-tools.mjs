// Small helpers shared by the interop harness and the interop tests:
// running a command, reading the lab env written by run.mjs, and calling the
// REAL kamcmd / kamctl / mysql against a running lab.
//
// Plain ESM JavaScript with JSDoc types (type-checked by test/tsconfig.json).

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Everything a test needs to reach one running lab.  Written as JSON by
 * `startKamailio()` to `<workDir>/lab-env.json`; `test/interop/run.mjs` puts
 * the path of that JSON (plus `postgres`) into `KAMKIT_LAB_ENV`.
 *
 * @typedef {object} LabEnv
 * @property {string} workDir         throw-away work dir (sockets, FIFOs, logs, kamctlrc)
 * @property {string} kamailioVersion e.g. "5.6.3" (from `kamailio -v`)
 * @property {number} pid             pid of the kamailio main process
 * @property {string} pidFile         `-P` pid file
 * @property {string} logFile         `-E` stderr log of kamailio
 * @property {string} cfgFile         config file kamailio runs with
 * @property {string} modulesDir      `-L` module directory
 * @property {string} sipIp           "127.0.0.1"
 * @property {number} sipPort         SIP udp + tcp port
 * @property {string} sipUdp          "udp:127.0.0.1:PORT"
 * @property {string} sipTcp          "tcp:127.0.0.1:PORT"
 * @property {string} domain          SIP domain / digest realm / SIP_DOMAIN ("lab.local")
 * @property {number} httpPort        HTTP port (JSON-RPC /RPC, XML-RPC /RPC2)
 * @property {string} ctlSocket       "unix:<workDir>/kamailio_ctl" (BINRPC, for `kamcmd -s`)
 * @property {string} ctlSocketPath   "<workDir>/kamailio_ctl"
 * @property {string} binrpcTcp       "tcp:127.0.0.1:PORT"
 * @property {number} binrpcTcpPort
 * @property {string} binrpcUdp       "udp:127.0.0.1:PORT"
 * @property {number} binrpcUdpPort
 * @property {string} ctlUnixd        "unixd:<workDir>/kamailio_ctl.dgram" (BINRPC over a unix datagram socket)
 * @property {string} jsonrpcHttp     "http://127.0.0.1:PORT/RPC"
 * @property {string} xmlrpcHttp      "xmlrpc+http://127.0.0.1:PORT/RPC2"
 * @property {string} rpcFifo         JSON-RPC FIFO path
 * @property {string} fifoReplyDir    "<workDir>/tmp/" (jsonrpcs fifo_reply_dir, with trailing slash)
 * @property {string} rpcDgram        "<workDir>/kamailio_rpc.sock" (jsonrpcs dgram_socket, JSON-RPC over unix datagrams)
 * @property {number} dsDeadPort      UDP port of the dispatcher destination nobody answers on
 * @property {string[]} dispatcherSet1 destinations seeded into dispatcher set 1
 * @property {string} dbEngine        "MYSQL" (or "PGSQL" / "SQLITE" for a lab started with a given database)
 * @property {string} dbHost          "localhost" (MariaDB over its unix socket), or the given database's host
 * @property {string} dbName          throw-away database made by the real `kamdbctl create` (SQLite: the file's path)
 * @property {string} dbRwUser
 * @property {string} dbRwPassword
 * @property {string} dbRoUser
 * @property {string} dbRoPassword
 * @property {string} dbUrl           "mysql://RWUSER:RWPW@localhost/DBNAME" (what kamailio uses; SQLite: "sqlite:///" + the absolute path)
 * @property {string} kamctlrc        "<workDir>/.kamctlrc"
 * @property {string} kamctlHome      HOME to run the real kamctl/kamdbctl with (= workDir)
 * @property {LabBinaries} bin        absolute paths of the real tools
 * @property {PostgresInfo | null} [postgres] set by run.mjs when PostgreSQL is reachable
 */

/**
 * @typedef {object} LabBinaries
 * @property {string} kamailio
 * @property {string} kamcmd
 * @property {string} kamctl
 * @property {string} kamdbctl
 * @property {string} mysql
 * @property {string | null} sipp
 */

/**
 * @typedef {object} PostgresInfo
 * @property {string} host  "127.0.0.1"
 * @property {number} port  5432
 * @property {string} user  "postgres" (trust auth)
 */

/**
 * @typedef {object} RunResult
 * @property {number | null} code   exit code (null when killed by a signal)
 * @property {string | null} signal
 * @property {string} stdout
 * @property {string} stderr
 * @property {boolean} timedOut
 */

/**
 * @typedef {object} RunOptions
 * @property {NodeJS.ProcessEnv} [env]   full environment (default: process.env)
 * @property {string} [input]            written to stdin (default: stdin is /dev/null)
 * @property {number} [timeoutMs]        SIGKILL after this long (default 60 s)
 * @property {string} [cwd]
 */

/**
 * Runs a command without a shell and collects its output.  Never rejects
 * because of the exit code; rejects only when the command cannot be started.
 *
 * @param {string} cmd
 * @param {readonly string[]} args
 * @param {RunOptions} [options]
 * @returns {Promise<RunResult>}
 */
export function run(cmd, args, options = {}) {
	const { env = process.env, input, timeoutMs = 60_000, cwd } = options;
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, {
			env,
			cwd,
			stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
		});
		/** @type {Buffer[]} */
		const out = [];
		/** @type {Buffer[]} */
		const err = [];
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGKILL');
		}, timeoutMs);
		child.stdout?.on('data', (b) => out.push(b));
		child.stderr?.on('data', (b) => err.push(b));
		child.on('error', (e) => {
			clearTimeout(timer);
			reject(e);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({
				code,
				signal,
				stdout: Buffer.concat(out).toString('utf8'),
				stderr: Buffer.concat(err).toString('utf8'),
				timedOut,
			});
		});
		if (input !== undefined && child.stdin) {
			child.stdin.on('error', () => {});
			child.stdin.end(input);
		}
	});
}

/**
 * One line describing a finished command, for error messages.
 *
 * @param {string} what
 * @param {RunResult} r
 * @returns {string}
 */
export function describeFailure(what, r) {
	const how = r.timedOut ? 'timed out' : r.signal ? `killed by ${r.signal}` : `exit code ${r.code}`;
	const text = `${r.stdout}${r.stderr}`.trim();
	return `${what} failed (${how})${text ? `:\n${text}` : ''}`;
}

/**
 * Reads the lab env JSON whose path is in `KAMKIT_LAB_ENV` (set by
 * `test/interop/run.mjs`), or the given path.
 *
 * @param {string} [file]
 * @returns {LabEnv}
 */
export function readLabEnv(file = process.env['KAMKIT_LAB_ENV']) {
	if (!file) {
		throw new Error(
			'KAMKIT_LAB_ENV is not set: interop tests need a running lab; run them with `npm run test:interop` ' +
				'(test/interop/run.mjs starts Kamailio and sets KAMKIT_LAB_ENV to the lab env JSON)',
		);
	}
	return /** @type {LabEnv} */ (JSON.parse(readFileSync(file, 'utf8')));
}

/**
 * Runs the REAL kamcmd against the lab (default address: the unix ctl socket).
 * Remember kamcmd's quirks: RPC faults are printed on stdout with exit code 0;
 * use `['--', method, ...]` when an argument starts with `-`.
 *
 * @param {LabEnv} env
 * @param {readonly string[]} args     method and parameters (and kamcmd options before them)
 * @param {{ address?: string, timeoutMs?: number, input?: string }} [options]
 * @returns {Promise<RunResult>}
 */
export function kamcmd(env, args, options = {}) {
	const address = options.address ?? env.ctlSocket;
	return run(env.bin.kamcmd, ['-s', address, ...args], {
		timeoutMs: options.timeoutMs ?? 20_000,
		input: options.input,
	});
}

/**
 * The environment the REAL kamctl / kamdbctl need to use the lab's generated
 * rc file: they source `~/.kamctlrc`, so HOME is the work dir.
 *
 * @param {LabEnv} env
 * @returns {NodeJS.ProcessEnv}
 */
export function kamctlEnv(env) {
	// Without node_modules/.bin: the real tools' scripts must never run our kamcmd/kamctl by name.
	const path = withSbin(process.env['PATH'])
		.split(':')
		.filter((dir) => !dir.split('/').includes('node_modules'))
		.join(':');
	return { ...process.env, HOME: env.kamctlHome, PATH: path };
}

/**
 * Runs the REAL kamctl with the lab's rc (CTLENGINE=RPCFIFO over the lab's
 * JSON-RPC FIFO, DB = the lab database).  stdin is /dev/null unless `input`.
 *
 * @param {LabEnv} env
 * @param {readonly string[]} args
 * @param {{ timeoutMs?: number, input?: string }} [options]
 * @returns {Promise<RunResult>}
 */
export function kamctl(env, args, options = {}) {
	return run(env.bin.kamctl, args, {
		env: kamctlEnv(env),
		timeoutMs: options.timeoutMs ?? 30_000,
		input: options.input,
	});
}

/**
 * Runs the REAL kamdbctl with the lab's rc.
 *
 * @param {LabEnv} env
 * @param {readonly string[]} args
 * @param {{ timeoutMs?: number, input?: string }} [options]
 * @returns {Promise<RunResult>}
 */
export function kamdbctl(env, args, options = {}) {
	return run(env.bin.kamdbctl, args, {
		env: kamctlEnv(env),
		timeoutMs: options.timeoutMs ?? 120_000,
		input: options.input,
	});
}

/**
 * Runs SQL as the MariaDB root user (unix socket, empty password) with
 * `mysql -N -B`; `database` selects the default database.
 *
 * @param {string} sql
 * @param {{ database?: string, mysql?: string, timeoutMs?: number }} [options]
 * @returns {Promise<RunResult>}
 */
export function mysqlRoot(sql, options = {}) {
	const args = ['-uroot', '-N', '-B'];
	if (options.database) args.push(options.database);
	args.push('-e', sql);
	return run(options.mysql ?? 'mysql', args, { timeoutMs: options.timeoutMs ?? 60_000 });
}

/**
 * PATH with /usr/sbin and /sbin added (kamctl, kamdbctl and start-stop-daemon
 * live there; a non-login root shell does not always have them).
 *
 * @param {string | undefined} path
 * @returns {string}
 */
export function withSbin(path) {
	const parts = (path ?? '/usr/local/bin:/usr/bin:/bin').split(':').filter(Boolean);
	for (const p of ['/usr/local/sbin', '/usr/sbin', '/sbin']) {
		if (!parts.includes(p)) parts.push(p);
	}
	return parts.join(':');
}
