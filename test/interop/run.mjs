#!/usr/bin/env node
// Runs the interop tests against ONE real Kamailio 5.6 lab.
//
//   npm run test:interop                 (= npm run build && node test/interop/run.mjs)
//   node test/interop/run.mjs [node --test options] [compiled test files]
//
// 1. checks the prerequisites (kamailio + modules, kamcmd, kamctl, kamdbctl,
//    mysql client) and says what is missing; installs nothing;
// 2. makes sure MariaDB and PostgreSQL answer, starting them when they are
//    installed but down (they are left running afterwards);
// 3. cleans up labs left behind by killed earlier runs, then starts one lab
//    (test/harness/kamailio-lab.mjs) and writes its env plus `postgres` to
//    <workDir>/interop-env.json, whose path goes into KAMKIT_LAB_ENV;
// 4. runs `node --test --test-concurrency=1` on test/dist/interop/**/*.test.js
//    (compiled from test/interop/*.test.ts by test/tsconfig.json), with
//    --test-timeout=120000 unless a --test-timeout is given;
// 5. always stops the lab (also on failure and SIGINT/SIGTERM): kamailio,
//    database, users; the work dir is kept only when tests failed (or with
//    KAMKIT_KEEP_LAB=1) and then printed;
// 6. exits with the test runner's exit code.
//
// Environment: KAMKIT_KEEP_LAB=1 keeps the work dir; KAMKIT_INTEROP_NO_POSTGRES=1
// skips the PostgreSQL check (env.postgres = null).

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import {
	LabError,
	checkPrerequisites,
	ensureMariadb,
	ensurePostgres,
	reapStaleLabs,
	startKamailio,
} from '../harness/kamailio-lab.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const DIST = path.join(ROOT, 'test', 'dist', 'interop');

/** @param {string} msg */
const log = (msg) => process.stderr.write(`[interop] ${msg}\n`);

/**
 * @param {string} dir
 * @returns {string[]}
 */
function findTests(dir) {
	if (!fs.existsSync(dir)) return [];
	/** @type {string[]} */
	const out = [];
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) out.push(...findTests(p));
		else if (e.name.endsWith('.test.js')) out.push(p);
	}
	return out.sort();
}

async function main() {
	const argv = process.argv.slice(2);
	const nodeTestOptions = argv.filter((a) => a.startsWith('-'));
	const given = argv.filter((a) => !a.startsWith('-'));
	const files = given.length ? given.map((f) => path.resolve(f)) : findTests(DIST);
	if (files.length === 0) {
		log(`no compiled interop tests in ${path.relative(ROOT, DIST)}/ (run \`npm run build\` first)`);
		return 1;
	}

	const pre = await checkPrerequisites();
	for (const w of pre.warnings) log(`warning: ${w}`);
	if (pre.problems.length) {
		log('interop prerequisites missing (nothing is installed by this script):');
		for (const p of pre.problems) log(`  - ${p}`);
		log('on Debian 12: apt-get install kamailio kamailio-mysql-modules kamailio-xml-modules mariadb-server postgresql sip-tester');
		log('(or run .ci/run as root, which installs them)');
		return 1;
	}

	/** @type {NodeJS.Signals | null} */
	let interrupted = null;
	/** @type {import('node:child_process').ChildProcess | null} */
	let child = null;
	/** @param {NodeJS.Signals} sig */
	const onSignal = (sig) => {
		if (!interrupted) log(`${sig}: stopping the tests and the lab`);
		interrupted = sig;
		if (child && child.exitCode === null) child.kill(sig);
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);
	process.on('SIGHUP', onSignal);

	await reapStaleLabs({ log });
	await ensureMariadb({ log });
	/** @type {{ host: string, port: number, user: string } | null} */
	let postgres = null;
	if (process.env['KAMKIT_INTEROP_NO_POSTGRES'] === '1') {
		log('KAMKIT_INTEROP_NO_POSTGRES=1: not checking PostgreSQL');
	} else {
		const pg = await ensurePostgres({ log });
		postgres = { host: pg.host, port: pg.port, user: pg.user };
	}
	if (interrupted) return 130;

	const t0 = Date.now();
	const lab = await startKamailio({ log });
	log(`lab up in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${lab.workDir} (kamailio pid ${lab.pid}, db ${lab.env.dbName})`);
	let code = 1;
	try {
		const envFile = path.join(lab.workDir, 'interop-env.json');
		fs.writeFileSync(envFile, `${JSON.stringify({ ...lab.env, postgres }, null, 2)}\n`);
		if (!interrupted) {
			// a hung test (e.g. a request the server never answers) must not
			// hang the run: default per-test timeout unless one is given
			const timeout = nodeTestOptions.some((o) => o.startsWith('--test-timeout')) ? [] : ['--test-timeout=120000'];
			const args = ['--test', '--test-concurrency=1', ...timeout, ...nodeTestOptions, ...files];
			log(`node ${args.map((a) => (a.startsWith(`${ROOT}/`) ? path.relative(ROOT, a) : a)).join(' ')}`);
			const c = spawn(process.execPath, args, {
				cwd: ROOT,
				stdio: 'inherit',
				env: { ...process.env, KAMKIT_LAB_ENV: envFile },
			});
			child = c;
			code = await new Promise((resolve) => {
				c.on('error', (e) => {
					log(`cannot run node --test: ${e.message}`);
					resolve(1);
				});
				c.on('exit', (exitCode, sig) => resolve(exitCode ?? (sig ? 128 + (sig === 'SIGINT' ? 2 : 15) : 1)));
			});
		} else {
			code = 130;
		}
		if (code !== 0) {
			const tail = fs.existsSync(lab.env.logFile)
				? fs.readFileSync(lab.env.logFile, 'utf8').split('\n').slice(-30).join('\n')
				: '(no log)';
			const what = interrupted ? `interrupted by ${interrupted}` : 'tests failed';
			log(`${what} (exit ${code}); last lines of ${lab.env.logFile}:\n${tail}`);
		}
	} finally {
		const keep = code !== 0 || process.env['KAMKIT_KEEP_LAB'] === '1';
		try {
			await lab.stop({ keepWorkDir: keep });
			log(`lab stopped, database ${lab.env.dbName} dropped${keep ? `; work dir kept: ${lab.workDir}` : ''}`);
		} catch (e) {
			log(`stopping the lab: ${/** @type {Error} */ (e).message}`);
			if (code === 0) code = 1;
		}
	}
	return interrupted && code === 0 ? 130 : code;
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(e) => {
		log(e instanceof LabError ? e.message : String(e?.stack ?? e));
		process.exitCode = 1;
	},
);
