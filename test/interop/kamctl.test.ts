// Our kamctl against the real Kamailio 5.6.3 lab: its MariaDB database made by the real kamdbctl,
// auth_db, group, dispatcher and permissions reading what we write, the real kamctl writing what we
// read; quoting on MariaDB and PostgreSQL.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { mysqlDdl, postgresDdl, readSchemaDir, type Group } from '@kamkit/schema';

import { kamcmd, kamctl, mysqlRoot, parseSipResponse, readLabEnv, registerUser, run } from '../harness/index.mjs';

const env = readLabEnv();
const OUR_KAMCTL = fileURLToPath(new URL('../../../packages/kamctl/bin/kamctl.cjs', import.meta.url));
const SCHEMA_DIR = fileURLToPath(new URL('../../../schemas', import.meta.url));
const KAMCTL_GROUPS = ['standard', 'auth_db', 'group', 'alias_db', 'speeddial', 'avpops', 'domain', 'permissions', 'dispatcher'];

/**
 * Our kamctl reads the lab's own ~/.kamctlrc (written for the real kamctl: DB, SIP_DOMAIN, the
 * JSON-RPC FIFO); KAMCTL_RPC points RPC at the faster BINRPC socket instead.
 */
const labVars: Record<string, string> = { HOME: env.kamctlHome, KAMCTL_RPC: env.ctlSocket };

function ours(args: string[], vars: Record<string, string> = labVars, input?: string) {
  return run(process.execPath, [OUR_KAMCTL, ...args], {
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: '/nonexistent', ...vars },
    input,
    timeoutMs: 30_000,
  });
}

async function oursJson<T>(args: string[], vars: Record<string, string> = labVars): Promise<T> {
  const r = await ours([...args, '--json'], vars);
  assert.equal(r.code, 0, `kamctl ${args.join(' ')}: ${r.stdout}${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

async function rootQuery(sql: string, database = env.dbName): Promise<string[][]> {
  const r = await mysqlRoot(sql, { database });
  assert.equal(r.code, 0, r.stderr);
  return r.stdout.split('\n').filter(Boolean).map((line) => line.split('\t'));
}

/** One OPTIONS over UDP from user@domain to R-URI user `ruser`; resolves with the final status. */
async function sendOptions(fromUser: string, ruser: string): Promise<number> {
  const sock = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => sock.bind(0, '127.0.0.1', resolve));
  const port = sock.address().port;
  const callId = `${randomBytes(8).toString('hex')}@127.0.0.1`;
  const msg = [
    `OPTIONS sip:${ruser}@${env.domain} SIP/2.0`,
    `Via: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bK${randomBytes(6).toString('hex')};rport`,
    'Max-Forwards: 70',
    `From: <sip:${fromUser}@${env.domain}>;tag=${randomBytes(4).toString('hex')}`,
    `To: <sip:${ruser}@${env.domain}>`,
    `Call-ID: ${callId}`,
    'CSeq: 1 OPTIONS',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
  try {
    return await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer to OPTIONS')), 5000);
      sock.on('message', (data) => {
        const reply = parseSipResponse(data.toString('utf8'));
        if (reply && reply.status >= 200) {
          clearTimeout(timer);
          resolve(reply.status);
        }
      });
      sock.send(msg, env.sipPort, env.sipIp);
    });
  } finally {
    sock.close();
  }
}

describe('our kamctl against the real Kamailio lab (MariaDB made by the real kamdbctl)', () => {
  test("the lab's kamctlrc as the real kamctl reads it: DB settings, and RPC over its JSON-RPC FIFO (RPCFIFOPATH, CHROOT_DIR)", async () => {
    const rc = await oursJson<{ files: string[]; variables: { name: string; source: string }[] }>(['config'], { HOME: env.kamctlHome });
    assert.ok(rc.files.includes(env.kamctlrc));
    assert.equal(rc.variables.find((v) => v.name === 'DBNAME')?.source.startsWith(env.kamctlrc), true);
    const up = await oursJson<{ uptime: number }>(['uptime'], { HOME: env.kamctlHome });
    assert.ok(up.uptime >= 0);
  });

  test('a subscriber added by our kamctl REGISTERs with digest auth (auth_db reads our ha1)', async () => {
    const password = "pä'ss\\w \"q\"";
    const add = await ours(['add', `kt-reg@${env.domain}`, '--password-stdin'], labVars, `${password}\n`);
    assert.equal(add.code, 0, add.stderr);
    const reg = await registerUser(env, { user: 'kt-reg', password, addSubscriber: false, contacts: 1 });
    assert.equal(reg.responses[0]?.status, 200);
    const ul = await oursJson<{ AoR: string; Contacts: unknown[] }>(['ul', 'show', 'kt-reg']);
    assert.equal(ul.AoR, `kt-reg@${env.domain}`);
    assert.equal(ul.Contacts.length, 1);
    // A wrong password is refused: the stored ha1 is what decides.
    await assert.rejects(registerUser(env, { user: 'kt-reg', password: 'wrong', addSubscriber: false, contacts: 1, timeoutMs: 3000 }));
  });

  test('a dispatcher destination added by our kamctl is in the real dispatcher.list after our automatic reload', async () => {
    const uri = `sip:127.0.0.1:${env.dsDeadPort + 1}`;
    // Two changes in a row: the second reload falls in the 5 s reload throttle and must be waited out.
    const first = await oursJson<{ reload: { status: string } }>(['dispatcher', 'add', '7', uri, '0', '3', 'weight=25', 'kamctl interop']);
    assert.equal(first.reload.status, 'reloaded');
    const second = await oursJson<{ added: { id: number }; reload: { status: string; waitedMs: number } }>(['dispatcher', 'add', '7', `${uri};transport=tcp`]);
    assert.equal(second.reload.status, 'reloaded');
    const list = await kamcmd(env, ['dispatcher.list']);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, new RegExp(`URI: ${uri.replace(/\./g, '\\.')}\\n`));
    assert.match(list.stdout, /URI: sip:127\.0\.0\.1:\d+;transport=tcp/);
    const dump = await oursJson<{ RECORDS: { SET: { ID: number } }[] }>(['dispatcher', 'dump']);
    assert.ok(dump.RECORDS.some((r) => r.SET.ID === 7));
    await oursJson(['dispatcher', 'rmset', '7']);
    assert.doesNotMatch((await kamcmd(env, ['dispatcher.list'])).stdout, new RegExp(uri.replace(/\./g, '\\.')));
  });

  test('an ACL grant by our kamctl is visible to is_user_in(); revoke takes it away', async () => {
    await oursJson(['add', 'kt-acl', 'pw']);
    assert.equal(await sendOptions('kt-acl', 'acl-voicemail'), 403);
    const grant = await oursJson<{ granted: string[] }>(['acl', 'grant', 'kt-acl', 'voicemail']);
    assert.deepEqual(grant.granted, ['voicemail']);
    assert.equal(await sendOptions('kt-acl', 'acl-voicemail'), 200);
    assert.equal(await sendOptions('kt-other', 'acl-voicemail'), 403);
    await oursJson(['acl', 'revoke', 'kt-acl', 'voicemail']);
    assert.equal(await sendOptions('kt-acl', 'acl-voicemail'), 403);
  });

  test('runtime commands on the real server: ul add/show/rm (BINRPC and the FIFO), cfg get/set checks, stats, ps', async () => {
    for (const vars of [labVars, { HOME: env.kamctlHome }]) {
      await oursJson(['ul', 'add', 'kt-ul', 'sip:kt-ul@127.0.0.1:5099', '120'], vars);
      const shown = await oursJson<{ AoR: string; Contacts: { Contact: { Address: string; Q: number; Methods: number } }[] }>(['ul', 'show', 'kt-ul'], vars);
      assert.equal(shown.AoR, `kt-ul@${env.domain}`);
      assert.deepEqual(shown.Contacts.map((c) => [c.Contact.Address, c.Contact.Q]), [['sip:kt-ul@127.0.0.1:5099', 1]]);
      await oursJson(['ul', 'rm', 'kt-ul'], vars);
      const gone = await ours(['ul', 'show', 'kt-ul'], vars);
      assert.equal(gone.code, 1);
      assert.match(gone.stderr, /ul\.lookup: 500 - AOR not found in location table/);
    }
    const wrongType = await ours(['cfg', 'set', 'lab', 'enabled', 'yes']);
    assert.equal(wrongType.code, 2);
    assert.match(wrongType.stderr, /lab\.enabled \(integer, .*Lab switch: reported in X-Lab-Enabled.*\): "yes" is not an integer .*; nothing was sent/);
    const before = await oursJson(['cfg', 'get', 'maxfwd', 'max_limit']);
    // Out of Kamailio's own range (0..255): refused before anything is sent, the value stays.
    const refused = await ours(['cfg', 'set', 'maxfwd', 'max_limit', '1000']);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /maxfwd\.max_limit \(integer, 0\.\.255: .*\): "1000" is out of range; nothing was sent/);
    assert.equal(await oursJson(['cfg', 'get', 'maxfwd', 'max_limit']), before);
    await oursJson(['cfg', 'set', 'lab', 'greeting', "hé 'x'"]);
    assert.equal(await oursJson(['cfg', 'get', 'lab', 'greeting']), "hé 'x'");
    await oursJson(['cfg', 'set', 'lab', 'greeting', 'hello']);
    const stats = await oursJson<Record<string, number>>(['stats', 'usrloc']);
    assert.equal(typeof stats['usrloc:registered_users'], 'number');
    const ps = await oursJson<{ PID: number; DSC: string }[]>(['ps']);
    assert.ok(ps.some((p) => p.PID === env.pid));
  });

  test('an address added by our kamctl is in the real permissions.subnetDump after the reload', async () => {
    const added = await oursJson<{ reload: { status: string } }>(['address', 'add', '9', '198.51.100.0', '24', '0', 'kamctl-interop']);
    assert.equal(added.reload.status, 'reloaded');
    const dump = await kamcmd(env, ['permissions.subnetDump']);
    assert.match(dump.stdout, /ip: 198\.51\.100\.0\n\s+mask: 24/);
  });

  test('rows written by the real kamctl read back identically through ours', async () => {
    for (const args of [
      ['add', 'real-user', 'realpw'],
      ['acl', 'grant', 'real-user', 'local', 'ld'],
      ['dispatcher', 'add', '5', 'sip:127.0.0.1:5096', '1', '2', 'weight=7', 'real kamctl'],
      ['address', 'add', '6', '10.6.0.0', '16', '5060', 'realtag'],
      ['trusted', 'add', '10.9.9.9', 'udp', '^sip:.*$', 'realtrust'],
      ['domain', 'add', 'real.local'],
    ]) {
      const r = await kamctl(env, args);
      assert.equal(r.code, 0, `real kamctl ${args.join(' ')}: ${r.stdout}${r.stderr}`);
    }
    const sub = await oursJson<Record<string, unknown>>(['show', 'real-user']);
    const [dbSub] = await rootQuery("SELECT id, username, domain, password, ha1, ha1b FROM subscriber WHERE username = 'real-user'");
    assert.deepEqual([sub['id'], sub['username'], sub['domain'], sub['password'], sub['ha1'], sub['ha1b']].map(String), dbSub);
    const acl = await oursJson<Record<string, unknown>[]>(['acl', 'show', 'real-user']);
    const dbAcl = await rootQuery("SELECT id, username, domain, grp, last_modified FROM grp WHERE username = 'real-user' ORDER BY id");
    assert.deepEqual(acl.map((r) => ['id', 'username', 'domain', 'grp', 'last_modified'].map((c) => String(r[c]))), dbAcl);
    const ds = (await oursJson<Record<string, unknown>[]>(['dispatcher', 'show'])).filter((r) => r['setid'] === 5);
    const dbDs = await rootQuery('SELECT id, setid, destination, flags, priority, attrs, description FROM dispatcher WHERE setid = 5');
    assert.deepEqual(ds.map((r) => ['id', 'setid', 'destination', 'flags', 'priority', 'attrs', 'description'].map((c) => String(r[c]))), dbDs);
    const addr = (await oursJson<Record<string, unknown>[]>(['address', 'show'])).filter((r) => r['grp'] === 6);
    assert.deepEqual(addr.map((r) => [r['ip_addr'], r['mask'], r['port'], r['tag']]), [['10.6.0.0', 16, 5060, 'realtag']]);
    const trusted = (await oursJson<Record<string, unknown>[]>(['trusted', 'show'])).filter((r) => r['src_ip'] === '10.9.9.9');
    assert.deepEqual(trusted.map((r) => [r['proto'], r['from_pattern'], r['tag'], r['ruri_pattern'], r['priority']]), [['udp', '^sip:.*$', 'realtrust', null, 0]]);
    const domains = await oursJson<Record<string, unknown>[]>(['domain', 'showdb']);
    assert.ok(domains.some((d) => d['domain'] === 'real.local' && d['did'] === null));
    // What the real kamctl hashed is what we compute: exporting and importing it changes nothing.
    const exported = await ours(['export', 'subscribers', '--format', 'json']);
    const again = await ours(['import', 'subscribers', '-', '--format', 'json', '--json'], labVars, exported.stdout);
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(JSON.parse(again.stdout).added + JSON.parse(again.stdout).changed, 0);
    // And the real kamctl reads what we wrote.
    const realShow = await kamctl(env, ['show', 'kt-acl']);
    assert.match(realShow.stdout, /kt-acl/);
  });

  test("quoting on MariaDB: o'x and a backslash domain stored byte for byte; a value the latin1 column cannot hold is refused, not mangled", async () => {
    assert.equal((await ours(['add', "o'x", 'p'])).code, 0);
    assert.equal((await ours(['add', 'bs@back\\slash.local', 'p'])).code, 0);
    assert.deepEqual(await rootQuery("SELECT HEX(username), HEX(domain) FROM subscriber WHERE username IN ('o''x', 'bs') ORDER BY username"), [
      [Buffer.from('bs').toString('hex').toUpperCase(), Buffer.from('back\\slash.local').toString('hex').toUpperCase()],
      [Buffer.from("o'x").toString('hex').toUpperCase(), Buffer.from('lab.local').toString('hex').toUpperCase()],
    ]);
    // The lab database is latin1 (kamdbctl CHARSET): é fits, 日本 does not.
    assert.equal((await ours(['sets', "o'x", 'password', "é'\\"])).code, 0);
    assert.deepEqual(await rootQuery("SELECT password FROM subscriber WHERE username = 'o''x'"), [["é'\\\\"]]);
    const refused = await ours(['sets', "o'x", 'password', '日本']);
    assert.equal(refused.code, 4, refused.stderr);
    assert.deepEqual(await rootQuery("SELECT password FROM subscriber WHERE username = 'o''x'"), [["é'\\\\"]]);
  });
});

describe('quoting and unicode on a utf8mb4 MariaDB database and on PostgreSQL', () => {
  const groups = (): Group[] => {
    const schema = readSchemaDir(SCHEMA_DIR);
    return KAMCTL_GROUPS.map((id) => schema.groups.find((g) => g.id === id)!);
  };
  const suffix = randomBytes(4).toString('hex');
  const mysqlDb = `kamkit_kamctl_${suffix}`;
  const mysqlUser = `kamkit_kamctl_${suffix}`;
  const mysqlPw = randomBytes(9).toString('base64url');
  const pgDb = `kamkit_kamctl_${suffix}`;

  before(async () => {
    const created = await mysqlRoot(
      `CREATE DATABASE ${mysqlDb} CHARACTER SET utf8mb4; CREATE USER '${mysqlUser}'@'localhost' IDENTIFIED BY '${mysqlPw}'; GRANT ALL ON ${mysqlDb}.* TO '${mysqlUser}'@'localhost';`,
    );
    assert.equal(created.code, 0, created.stderr);
    const ddl = groups().map(mysqlDdl).join('\n');
    const loaded = await run('mysql', ['-uroot', mysqlDb], { input: ddl });
    assert.equal(loaded.code, 0, loaded.stderr);
    if (env.postgres) {
      const pg = env.postgres;
      const psql = (args: string[], input?: string) => run('psql', ['-h', pg.host, '-p', String(pg.port), '-U', pg.user, '-v', 'ON_ERROR_STOP=1', '-q', ...args], { input });
      assert.equal((await psql(['-d', 'postgres', '-c', `CREATE DATABASE ${pgDb} ENCODING 'UTF8' TEMPLATE template0`])).code, 0);
      const r = await psql(['-d', pgDb], groups().map(postgresDdl).join('\n'));
      assert.equal(r.code, 0, r.stderr);
    }
  });
  after(async () => {
    await mysqlRoot(`DROP DATABASE IF EXISTS ${mysqlDb}; DROP USER IF EXISTS '${mysqlUser}'@'localhost';`);
    if (env.postgres) {
      const pg = env.postgres;
      await run('psql', ['-h', pg.host, '-p', String(pg.port), '-U', pg.user, '-d', 'postgres', '-c', `DROP DATABASE IF EXISTS ${pgDb} WITH (FORCE)`]);
    }
  });

  const engines = () => {
    const list: [string, Record<string, string>][] = [
      ['MariaDB utf8mb4', { DBENGINE: 'MYSQL', DBHOST: 'localhost', DBNAME: mysqlDb, DBRWUSER: mysqlUser, DBRWPW: mysqlPw, DBROUSER: mysqlUser, DBROPW: mysqlPw }],
    ];
    if (env.postgres) {
      const pg = env.postgres;
      list.push(['PostgreSQL', { DBENGINE: 'PGSQL', DBHOST: pg.host, DBPORT: String(pg.port), DBNAME: pgDb, DBRWUSER: pg.user, DBRWPW: '', DBROUSER: pg.user, DBROPW: '' }]);
    }
    return list;
  };

  test("o'x, a backslash domain and unicode attributes round-trip exactly; import is idempotent", async () => {
    assert.ok(env.postgres, 'the interop run provides PostgreSQL (env.postgres)');
    for (const [name, db] of engines()) {
      const vars = { ...db, SIP_DOMAIN: 'lab.local', KAMCTL_RPC: 'unix:/nonexistent/ctl' };
      const attrs = "weight=10;name=日本語 'é' \\ \"q\" %s";
      for (const args of [
        ['add', "o'x", "pw'\\"],
        ['add', 'u@back\\slash.local', 'pw'],
        ['sets', "o'x", 'password', 'ünï\'cödé\\ ☎'],
        ['dispatcher', 'add', '1', 'sip:10.0.0.1:5060', '0', '0', attrs, 'Zürich ☎', '--no-reload'],
        ['avp', 'add', "o'x@lab.local", 'city', '0', '東京 \\ \''],
        ['acl', 'grant', "o'x", 'local'],
      ]) {
        const r = await ours(args, vars);
        assert.equal(r.code, 0, `${name}: kamctl ${args.join(' ')}: ${r.stderr}`);
      }
      const sub = await oursJson<Record<string, unknown>>(['show', "o'x"], vars);
      assert.equal(sub['password'], 'ünï\'cödé\\ ☎', name);
      const other = await oursJson<Record<string, unknown>>(['show', 'u@back\\slash.local'], vars);
      assert.equal(other['domain'], 'back\\slash.local', name);
      const ds = await oursJson<Record<string, unknown>[]>(['dispatcher', 'show'], vars);
      assert.deepEqual(ds.map((r) => [r['attrs'], r['description']]), [[attrs, 'Zürich ☎']], name);
      const avp = await oursJson<Record<string, unknown>[]>(['avp', 'list', '-a', 'city'], vars);
      assert.equal(avp[0]?.['value'], '東京 \\ \'', name);
      const exported = await ours(['export', 'subscribers', '--format', 'json'], vars);
      const imported = await ours(['import', 'subscribers', '-', '--format', 'json', '--json'], vars, exported.stdout);
      assert.deepEqual(JSON.parse(imported.stdout), { kind: 'subscribers', added: 0, changed: 0, removed: 0, unchanged: 2, reload: null }, name);
      const acl = await ours(['import', 'acl', '-', '--format', 'csv', '--json'], vars, "username,domain,grp\no'x,lab.local,local\no'x,lab.local,ld\n");
      assert.equal(JSON.parse(acl.stdout).added, 1, `${name}: ${acl.stderr}`);
    }
  });
});
