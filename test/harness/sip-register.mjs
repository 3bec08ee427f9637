// A small SIP-over-UDP client for the interop tests: REGISTERs a user with
// one or several contacts against the lab's Kamailio, answering the digest
// challenge of auth_db (MD5, with or without qop=auth).  The subscriber is
// created first with the REAL `kamctl add` (lab rc via HOME=<workDir>).
//
//   const r = await registerUser(env, { user: 'alice', password: 'secret', contacts: 3 });
//   // r.contacts: the Contact URIs now in usrloc; check them with `kamcmd ul.dump`

import { createHash, randomBytes } from 'node:crypto';
import dgram from 'node:dgram';

import { describeFailure, kamctl } from './lab-tools.mjs';

/** @import { LabEnv } from './lab-tools.mjs' */

/**
 * @typedef {object} SipResponse
 * @property {number} status
 * @property {string} reason
 * @property {Map<string, string[]>} headers  lower-case name -> values (in order)
 * @property {string} raw
 */

/**
 * @typedef {object} RegisterOptions
 * @property {string} user
 * @property {string} password
 * @property {string} [domain]         default: env.domain
 * @property {number | string[]} [contacts]  number of contacts to make up (default 2) or the
 *           Contact URIs themselves (e.g. "sip:alice@127.0.0.1:5090;transport=udp")
 * @property {number} [expires]        default 3600
 * @property {boolean} [oneRequest]    all contacts in ONE REGISTER (default: one REGISTER,
 *           with its own Call-ID, per contact, like separate devices)
 * @property {boolean} [addSubscriber] run `kamctl add user@domain password` first (default true;
 *           "already exists" is fine)
 * @property {number} [timeoutMs]      per transaction (default 5000)
 * @property {string} [userAgent]
 */

/**
 * @typedef {object} RegisterResult
 * @property {string} aor           "user@domain" as usrloc stores it (use_domain=1)
 * @property {string[]} contacts    the registered Contact URIs
 * @property {SipResponse[]} responses  the final 200 OK of each REGISTER
 */

/**
 * @param {string} s
 * @returns {string}
 */
const md5 = (s) => createHash('md5').update(s).digest('hex');

/**
 * @param {number} [n]
 * @returns {string}
 */
const token = (n = 8) => randomBytes(n).toString('hex');

/**
 * Adds a subscriber with the REAL kamctl (`kamctl add user@domain password`).
 * An existing subscriber is accepted ("** INFO: user '...' already exists").
 *
 * @param {LabEnv} env
 * @param {string} user
 * @param {string} password
 * @param {string} [domain]
 * @returns {Promise<void>}
 */
export async function addSubscriber(env, user, password, domain = env.domain) {
	const r = await kamctl(env, ['add', `${user}@${domain}`, password]);
	if (r.code !== 0 && !/already exists/.test(r.stdout + r.stderr)) {
		throw new Error(describeFailure(`kamctl add ${user}@${domain}`, r));
	}
}

/**
 * Parses one SIP response datagram.
 *
 * @param {string} raw
 * @returns {SipResponse | null}
 */
export function parseSipResponse(raw) {
	const [head = ''] = raw.split('\r\n\r\n');
	const lines = head.split('\r\n');
	const m = /^SIP\/2\.0\s+(\d{3})\s*(.*)$/.exec(lines[0] ?? '');
	if (!m) return null;
	/** @type {Map<string, string[]>} */
	const headers = new Map();
	/** @type {string | null} */
	let last = null;
	for (const line of lines.slice(1)) {
		if (/^[ \t]/.test(line) && last) {
			const vals = /** @type {string[]} */ (headers.get(last));
			vals[vals.length - 1] += ` ${line.trim()}`;
			continue;
		}
		const i = line.indexOf(':');
		if (i <= 0) continue;
		const name = line.slice(0, i).trim().toLowerCase();
		const full = { i: 'call-id', f: 'from', t: 'to', v: 'via', m: 'contact', l: 'content-length' }[name] ?? name;
		const list = headers.get(full) ?? [];
		list.push(line.slice(i + 1).trim());
		headers.set(full, list);
		last = full;
	}
	return { status: Number(m[1]), reason: m[2] ?? '', headers, raw };
}

/**
 * Parses `Digest realm="x", nonce="y", qop="auth", ...`.
 *
 * @param {string} value
 * @returns {Record<string, string>}
 */
function parseChallenge(value) {
	/** @type {Record<string, string>} */
	const out = {};
	const body = value.replace(/^\s*Digest\s+/i, '');
	for (const m of body.matchAll(/([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]+))/g)) {
		out[/** @type {string} */ (m[1]).toLowerCase()] = m[2] ?? m[3] ?? '';
	}
	return out;
}

/**
 * Sends a request over UDP and resolves with the first FINAL response that
 * matches Call-ID and CSeq; retransmits like a SIP UAC (T1 = 500 ms, doubling
 * up to 4 s) until then.
 *
 * @param {dgram.Socket} sock
 * @param {string} msg
 * @param {{ host: string, port: number, callId: string, cseq: string, timeoutMs: number }} o
 * @returns {Promise<SipResponse>}
 */
function transaction(sock, msg, o) {
	return new Promise((resolve, reject) => {
		let interval = 500;
		/** @type {NodeJS.Timeout | undefined} */
		let retrans;
		const send = () => {
			sock.send(msg, o.port, o.host);
			retrans = setTimeout(send, interval);
			interval = Math.min(interval * 2, 4000);
		};
		const done = () => {
			clearTimeout(retrans);
			clearTimeout(timer);
			sock.off('message', onMessage);
		};
		const timer = setTimeout(() => {
			done();
			reject(new Error(`no final response to ${o.cseq} from ${o.host}:${o.port} within ${o.timeoutMs} ms`));
		}, o.timeoutMs);
		/** @param {Buffer} buf */
		const onMessage = (buf) => {
			const res = parseSipResponse(buf.toString('utf8'));
			if (!res || res.headers.get('call-id')?.[0] !== o.callId || res.headers.get('cseq')?.[0] !== o.cseq) return;
			if (res.status < 200) {
				clearTimeout(retrans); // provisional: stop retransmitting, keep waiting
				return;
			}
			done();
			resolve(res);
		};
		sock.on('message', onMessage);
		send();
	});
}

/**
 * REGISTERs `user@domain` with the given contacts at the lab (UDP to
 * env.sipIp:env.sipPort), answering the 401 digest challenge.  Throws when a
 * REGISTER does not end in 200.
 *
 * @param {LabEnv} env
 * @param {RegisterOptions} options
 * @returns {Promise<RegisterResult>}
 */
export async function registerUser(env, options) {
	const {
		user,
		password,
		domain = env.domain,
		expires = 3600,
		oneRequest = false,
		addSubscriber: add = true,
		timeoutMs = 5000,
		userAgent = 'kamkit-interop-harness',
	} = options;
	if (add) await addSubscriber(env, user, password, domain);

	const sock = dgram.createSocket('udp4');
	await new Promise((resolve, reject) => {
		sock.once('error', reject);
		sock.bind(0, '127.0.0.1', () => resolve(undefined));
	});
	const localPort = sock.address().port;
	const contactsOpt = options.contacts ?? 2;
	const contacts =
		typeof contactsOpt === 'number'
			? Array.from({ length: contactsOpt }, (_, i) => `sip:${user}-${i + 1}@127.0.0.1:${localPort};transport=udp`)
			: [...contactsOpt];
	const groups = oneRequest ? [contacts] : contacts.map((c) => [c]);
	const requestUri = `sip:${domain}`;
	const target = { host: env.sipIp, port: env.sipPort };

	/** @type {SipResponse[]} */
	const responses = [];
	try {
		for (const group of groups) {
			const callId = `${token(10)}@127.0.0.1`;
			const fromTag = token(6);
			let cseqNo = 1;
			/** @type {string | null} */
			let authorization = null;
			let registered = false;
			for (let round = 0; round < 3 && !registered; round++) {
				const cseq = `${cseqNo} REGISTER`;
				const msg = [
					`REGISTER ${requestUri} SIP/2.0`,
					`Via: SIP/2.0/UDP 127.0.0.1:${localPort};branch=z9hG4bK${token(8)};rport`,
					'Max-Forwards: 70',
					`From: <sip:${user}@${domain}>;tag=${fromTag}`,
					`To: <sip:${user}@${domain}>`,
					`Call-ID: ${callId}`,
					`CSeq: ${cseq}`,
					...group.map((c) => `Contact: <${c}>`),
					`Expires: ${expires}`,
					...(authorization ? [`Authorization: ${authorization}`] : []),
					`User-Agent: ${userAgent}`,
					'Content-Length: 0',
					'',
					'',
				].join('\r\n');
				const res = await transaction(sock, msg, { ...target, callId, cseq, timeoutMs });
				if (res.status === 200) {
					responses.push(res);
					registered = true;
					break;
				}
				const challenge = res.headers.get(res.status === 407 ? 'proxy-authenticate' : 'www-authenticate')?.[0];
				if ((res.status !== 401 && res.status !== 407) || !challenge || (authorization && !/stale\s*=\s*true/i.test(challenge))) {
					throw new Error(`REGISTER ${user}@${domain} (${group.join(', ')}) answered ${res.status} ${res.reason}\n${res.raw}`);
				}
				const ch = parseChallenge(challenge);
				const realm = ch['realm'] ?? domain;
				const nonce = ch['nonce'] ?? '';
				const ha1 = md5(`${user}:${realm}:${password}`);
				const ha2 = md5(`REGISTER:${requestUri}`);
				const qop = (ch['qop'] ?? '').split(',').map((q) => q.trim()).includes('auth') ? 'auth' : null;
				const parts = [`username="${user}"`, `realm="${realm}"`, `nonce="${nonce}"`, `uri="${requestUri}"`];
				if (qop) {
					const cnonce = token(8);
					const nc = '00000001';
					parts.push(`response="${md5(`${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`)}"`, `qop=${qop}`, `nc=${nc}`, `cnonce="${cnonce}"`);
				} else {
					parts.push(`response="${md5(`${ha1}:${nonce}:${ha2}`)}"`);
				}
				parts.push('algorithm=MD5');
				if (ch['opaque'] !== undefined) parts.push(`opaque="${ch['opaque']}"`);
				authorization = `Digest ${parts.join(', ')}`;
				cseqNo++;
			}
			if (!registered) {
				throw new Error(`REGISTER ${user}@${domain} was challenged repeatedly`);
			}
		}
	} finally {
		sock.close();
	}
	return { aor: `${user}@${domain}`, contacts, responses };
}
