// Checks the interop harness itself against the REAL tools: the lab that
// test/interop/run.mjs started (env JSON in KAMKIT_LAB_ENV) must answer the
// real kamcmd on every BINRPC address, the real kamctl over the JSON-RPC
// FIFO, JSON-RPC and XML-RPC over HTTP, and must hold registrations made
// with the harness's SIP client.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { kamcmd, kamctl, mysqlRoot, readLabEnv, registerUser } from '../harness/index.mjs';

const env = readLabEnv();

describe('interop harness: real Kamailio lab', () => {
	test('real kamcmd answers core.version on the unix ctl socket', async () => {
		const r = await kamcmd(env, ['core.version']);
		assert.equal(r.code, 0, r.stderr);
		assert.match(r.stdout, /^kamailio 5\.6\.3 /);
		assert.equal(env.kamailioVersion, '5.6.3');
		assert.match(env.ctlSocket, /^unix:\//);
	});

	test('real kamcmd answers on the BINRPC tcp, udp and unixd addresses', async () => {
		for (const address of [env.binrpcTcp, env.binrpcUdp, env.ctlUnixd]) {
			const r = await kamcmd(env, ['core.uptime'], { address });
			assert.equal(r.code, 0, `${address}: ${r.stderr}`);
			assert.match(r.stdout, /uptime: \d+/, address);
		}
		assert.match(env.binrpcTcp, /^tcp:127\.0\.0\.1:\d+$/);
		assert.match(env.binrpcUdp, /^udp:127\.0\.0\.1:\d+$/);
	});

	test('JSON-RPC over HTTP answers core.version', async () => {
		const res = await fetch(env.jsonrpcHttp, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ jsonrpc: '2.0', method: 'core.version', id: 1 }),
		});
		assert.equal(res.status, 200);
		const body = (await res.json()) as { result?: unknown };
		assert.match(String(body.result), /^kamailio 5\.6\.3 /);
	});

	test('XML-RPC over HTTP answers core.version', async () => {
		assert.match(env.xmlrpcHttp, /^xmlrpc\+http:\/\/127\.0\.0\.1:\d+\/RPC2$/);
		const res = await fetch(env.xmlrpcHttp.replace(/^xmlrpc\+/, ''), {
			method: 'POST',
			headers: { 'content-type': 'text/xml' },
			body: '<?xml version="1.0"?><methodCall><methodName>core.version</methodName><params></params></methodCall>',
		});
		assert.equal(res.status, 200);
		assert.match(await res.text(), /<string>kamailio 5\.6\.3 /);
	});

	test('real kamctl talks to the lab over the JSON-RPC FIFO (kamctl uptime)', async () => {
		const r = await kamctl(env, ['uptime']);
		assert.equal(r.code, 0, r.stdout + r.stderr);
		assert.match(r.stdout, /"uptime":\s*\d+/);
	});

	test('the database was made by the real kamdbctl and dispatcher set 1 is seeded', async () => {
		const q = await mysqlRoot("SELECT table_version FROM version WHERE table_name='subscriber'", {
			database: env.dbName,
		});
		assert.equal(q.code, 0, q.stderr);
		assert.match(q.stdout.trim(), /^\d+$/);
		const r = await kamcmd(env, ['dispatcher.list']);
		assert.equal(r.code, 0, r.stderr);
		for (const uri of env.dispatcherSet1) assert.ok(r.stdout.includes(uri), `${uri} in\n${r.stdout}`);
	});

	test('a user registered with several contacts shows up in ul.dump', async () => {
		const reg = await registerUser(env, { user: 'harness-alice', password: 'harness-secret', contacts: 3 });
		assert.equal(reg.contacts.length, 3);
		assert.equal(reg.aor, `harness-alice@${env.domain}`);

		const sub = await mysqlRoot("SELECT username, domain FROM subscriber WHERE username='harness-alice'", {
			database: env.dbName,
		});
		assert.equal(sub.stdout.trim(), `harness-alice\t${env.domain}`);

		const r = await kamcmd(env, ['ul.dump']);
		assert.equal(r.code, 0, r.stderr);
		assert.ok(r.stdout.includes(`AoR: ${reg.aor}`), r.stdout);
		for (const c of reg.contacts) assert.ok(r.stdout.includes(`Address: ${c}`), `${c} in\n${r.stdout}`);

		// registering the same user again (subscriber exists) just refreshes
		const again = await registerUser(env, { user: 'harness-alice', password: 'harness-secret', contacts: reg.contacts });
		assert.equal(again.responses.length, 3);
	});
});
