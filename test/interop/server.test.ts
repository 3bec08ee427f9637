// The REAL kamcmd and kamctl of Kamailio 5.6.3 against OUR server (kamkit-server running the lab's
// own config, test/harness/kamailio.cfg, with its sockets in a temp dir), compared with what the
// same tools print against the real Kamailio lab that run.mjs started.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { kamcmd, kamctl, readLabEnv, run, withSbin } from '../harness/index.mjs';

const env = readLabEnv();
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const BIN = path.join(ROOT, 'packages', 'server', 'dist', 'src', 'bin', 'kamkit-server.js');
const CFG = path.join(ROOT, 'test', 'harness', 'kamailio.cfg');

/** A port nobody uses right now, on TCP and UDP. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface Ours {
  dir: string;
  child: ChildProcess;
  stdout: string;
  ctl: string;
  ctlTcp: string;
  ctlUdp: string;
  ctlUnixd: string;
  fifo: string;
  http: number;
  home: string;
}

let ours: Ours;

async function startOurs(): Promise<Ours> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kamkit-ours-'));
  mkdirSync(path.join(dir, 'tmp'));
  const [sip, http, ctlTcp, ctlUdp] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const defines = {
    LAB_SIP_PORT: String(sip),
    LAB_HTTP_PORT: String(http),
    LAB_CTL_UNIX: `"unix:${dir}/kamailio_ctl"`,
    LAB_CTL_TCP: `"tcp:127.0.0.1:${ctlTcp}"`,
    LAB_CTL_UDP: `"udp:127.0.0.1:${ctlUdp}"`,
    LAB_CTL_UNIXD: `"unixd:${dir}/kamailio_ctl.dgram"`,
    LAB_RPC_DGRAM: `"${dir}/kamailio_rpc.sock"`,
    LAB_RPC_FIFO: `"${dir}/kamailio_rpc.fifo"`,
    LAB_FIFO_REPLY_DIR: `"${dir}/tmp/"`,
    LAB_RUN_DIR: `"${dir}"`,
  };
  const args = [BIN, '-f', CFG, ...Object.entries(defines).flatMap(([k, v]) => ['-A', `${k}=${v}`])];
  const child = spawn(process.execPath, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`our server did not start:\n${stdout}${stderr}`)), 30_000);
    child.on('exit', (code) => reject(new Error(`our server exited ${code}:\n${stdout}${stderr}`)));
    child.stdout!.on('data', () => {
      if (stdout.includes('Ctrl-C')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  // kamctl makes its reply FIFO as $CHROOT_DIR/tmp/<name>, our fifo_reply_dir.
  const home = path.join(dir, 'home');
  mkdirSync(home);
  writeFileSync(
    path.join(home, '.kamctlrc'),
    `SIP_DOMAIN=${env.domain}\nCTLENGINE="RPCFIFO"\nRPCFIFOPATH="${dir}/kamailio_rpc.fifo"\nCHROOT_DIR="${dir}"\n`,
  );
  return {
    dir,
    child,
    stdout,
    ctl: `unix:${dir}/kamailio_ctl`,
    ctlTcp: `tcp:127.0.0.1:${ctlTcp}`,
    ctlUdp: `udp:127.0.0.1:${ctlUdp}`,
    ctlUnixd: `unixd:${dir}/kamailio_ctl.dgram`,
    fifo: `${dir}/kamailio_rpc.fifo`,
    http,
    home,
  };
}

/** The real kamcmd against our server. */
function kamcmdOurs(args: string[], address = ours.ctl, input?: string) {
  return run(env.bin.kamcmd, ['-s', address, ...args], { timeoutMs: 20_000, input });
}

/** The real kamctl against our server. */
function kamctlOurs(args: string[]) {
  const pathVar = withSbin(process.env['PATH'])
    .split(':')
    .filter((d) => !d.split('/').includes('node_modules'))
    .join(':');
  return run(env.bin.kamctl, args, { env: { ...process.env, HOME: ours.home, PATH: pathVar }, timeoutMs: 30_000 });
}

/** kamctl prints the request id, which is its own pid: not comparable between runs. */
const withoutId = (text: string) => text.replace(/"id":\s*\d+/g, '"id": N');

before(async () => {
  ours = await startOurs();
});

after(async () => {
  if (ours?.child.exitCode === null) {
    const exited = new Promise((resolve) => ours.child.on('exit', resolve));
    ours.child.kill('SIGTERM');
    await exited;
  }
  if (ours) rmSync(ours.dir, { recursive: true, force: true });
});

describe('real kamcmd against our server', () => {
  // Commands whose output does not depend on the instance: ours must print exactly what the lab prints.
  const SAME_OUTPUT: string[][] = [
    ['core.version'],
    ['version'],
    ['no.such.method'],
    ['system.methodHelp'],
    ['system.methodHelp', 'no.such'],
    ['system.methodSignature'],
    ['core.echo', 'hello', '42', 's:42'],
    ['--', 'core.echo', '-5', 's:7', 'abc'],
    ['core.echo', 'abc', '1.5', 'xyz'],
    ['core.echo', '1.5'],
    ['core.shmmem', 'x'],
    ['cnt.get'],
    ['cnt.get', 'nope', 'x'],
    ['cnt.help', 'nope', 'x'],
    ['cnt.var_list', 'core'],
    ['cnt.var_list', 'nope'],
    ['cnt.get', 'dns'],
    ['cnt.get', 'dns', '1.5'],
    ['cnt.help', 'core', 'rcv_requests'],
    ['cnt.help', 'script', 'lab_requests'],
    ['stats.get_statistics'],
    ['stats.get_statistics', 'dns:'],
    ['stats.get_statistics', 'core:rcv_requests'],
    ['stats.reset_statistics'],
    ['stats.get_statistics', 'max_contacts'],
    ['stats.fetch'],
    ['stats.fetchn', '5'],
    ['stats.fetch', 'nosuch'],
    // Values both sides share: dns (no lookups), registrar's from the same modparams.
    ['stats.fetch', 'dns:', 'max_contacts', 'registrar:max_expires', 'registrar.default_expire', 'core.', 'nosuch', '5', 'dns:'],
    ['stats.fetchn', 'dns:', 'registrar.max_contacts', 'dns.slow_dns_request'],
    ['cnt.get', '5'],
    // cfg.* comes from the cfg framework registered into our registry (the lab config's groups).
    ['cfg.get', 'lab', 'enabled'],
    ['cfg.get', 'lab', 'greeting'],
    ['cfg.help', 'lab', 'enabled'],
    ['cfg.list', 'lab'],
    ['cfg.set_now_int', 'lab', 'enabled'],
    ['cfg.get', 'core', 'debug'],
  ];
  for (const args of SAME_OUTPUT) {
    test(`kamcmd ${args.join(' ')}: same output and exit code as against Kamailio`, async () => {
      const real = await kamcmd(env, args);
      const mine = await kamcmdOurs(args);
      assert.equal(mine.stdout, real.stdout);
      assert.equal(mine.stderr, real.stderr);
      assert.equal(mine.code, real.code);
    });
  }

  test('every BINRPC socket of ours serves kamcmd (unix, tcp, udp, unixd)', async () => {
    const real = await kamcmd(env, ['core.version']);
    for (const address of [ours.ctl, ours.ctlTcp, ours.ctlUdp, ours.ctlUnixd]) {
      const mine = await kamcmdOurs(['core.version'], address);
      assert.equal(mine.code, 0, `${address}: ${mine.stderr}`);
      assert.equal(mine.stdout, real.stdout, address);
    }
  });

  test('core.uptime, core.psx, core.ps, core.info, core.shmmem, core.sockets_list: Kamailio\'s layout', async () => {
    assert.match((await kamcmdOurs(['core.uptime'])).stdout, /^\{\n\tnow: \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\n\tup_since: .+\n\tuptime: \d+\n\}\n$/);
    const psx = (await kamcmdOurs(['core.psx'])).stdout;
    assert.match(psx, /^\{\n\tIDX: 0\n\tPID: \d+\n\tDSC: main process - attendant\n\}\n/);
    assert.match(psx, /DSC: ctl handler\n/);
    assert.match(psx, /DSC: JSONRPCS FIFO\n/);
    assert.match((await kamcmdOurs(['ps'])).stdout, /^\d+\tmain process - attendant\n/);
    const info = (await kamcmdOurs(['core.info'])).stdout;
    assert.match(info, /^\{\n\tversion: kamailio 5\.6\.3\n\tid: .+\n\tcompiler: .+\n\tcompiled: .*\n\tflags: .+\n\}\n$/);
    const shm = (await kamcmdOurs(['core.shmmem', 'k'])).stdout;
    assert.match(shm, /^\{\n\ttotal: \d+\n\tfree: \d+\n\tused: \d+\n\treal_used: \d+\n\tmax_used: \d+\n\tfragments: \d+\n\}\n$/);
    const sockets = (await kamcmdOurs(['core.sockets_list'])).stdout;
    assert.match(sockets, new RegExp(`\\tsocket: \\{\\n\\t\\tproto: tcp\\n\\t\\taddress: 127\\.0\\.0\\.1\\n\\t\\tipaddress: 127\\.0\\.0\\.1\\n\\t\\tport: ${ours.http}\\n`));
  });

  test('ctl.listen (alias listen) and ctl.who list our sockets and connection', async () => {
    const listen = (await kamcmdOurs(['listen'])).stdout;
    assert.equal(listen.split('\n').filter(Boolean).length, 4);
    assert.match(listen, new RegExp(`^\\[binrpc\\] unix_stream: ${ours.dir}/kamailio_ctl \\n`));
    const who = (await kamcmdOurs(['who'])).stdout;
    assert.match(who, new RegExp(`\\[binrpc\\] unix_stream: <anonymous unix socket>  -> ${ours.dir}/kamailio_ctl \\n`));
  });

  test('stats and counters: the lab config\'s groups (no "tcp" group: our SIP side is not there yet)', async () => {
    const real = (await kamcmd(env, ['cnt.grps_list'])).stdout.split('\n').filter((g) => g && g !== 'tcp');
    assert.deepEqual((await kamcmdOurs(['cnt.grps_list'])).stdout.split('\n').filter(Boolean), real);
    const realScript = (await kamcmd(env, ['cnt.var_list', 'script'])).stdout;
    assert.equal((await kamcmdOurs(['cnt.var_list', 'script'])).stdout, realScript);
    // The registrar statistics that come from its modparams (the counted ones depend on earlier tests).
    const fromParams = (text: string) => text.split('\n').filter((l) => l && !/_regs = /.test(l));
    const mineRegistrar = fromParams((await kamcmdOurs(['stats.get_statistics', 'registrar:'])).stdout);
    assert.equal(mineRegistrar.length, 5);
    assert.deepEqual(mineRegistrar, fromParams((await kamcmd(env, ['stats.get_statistics', 'registrar:'])).stdout));
  });

  test('stats.fetch and stats.fetchn all: the lab\'s statistics in its order, values aside (no "tcp" group here)', async () => {
    const names = (text: string) => text.replace(/^(\t[^\s:]+): \d+$/gm, '$1: <n>');
    for (const method of ['stats.fetch', 'stats.fetchn']) {
      const real = names((await kamcmd(env, [method, 'all'])).stdout).replace(/^\ttcp\.\w+: <n>\n/gm, '');
      const mine = await kamcmdOurs([method, 'all']);
      assert.equal(mine.code, 0, mine.stderr);
      assert.ok(real.split('\n').length > 100, real);
      assert.equal(names(mine.stdout), real, method);
    }
  });

  test('system.listMethods: every name ours lists, Kamailio lists too (no invented commands)', async () => {
    const real = new Set((await kamcmd(env, ['system.listMethods'])).stdout.split('\n').filter(Boolean));
    const mine = (await kamcmdOurs(['system.listMethods'])).stdout.split('\n').filter(Boolean);
    assert.ok(mine.length >= 30);
    for (const name of mine) assert.ok(real.has(name), name);
  });

  test('kamcmd reading commands from a pipe (its REPL without a terminal)', async () => {
    const mine = await kamcmdOurs([], ours.ctl, 'core.version\ncore.echo piped\n');
    assert.equal(mine.code, 0, mine.stderr);
    assert.match(mine.stdout, /kamailio 5\.6\.3 .*\n[\s\S]*piped\n/);
  });
});

describe('real kamctl against our server (JSON-RPC FIFO)', () => {
  for (const args of [['rpc', 'core.echo', 'hello', 's:42', '42', '4.5'], ['srv', 'version'], ['rpc', 'no.such.method'], ['rpc', 'cnt.get', 'nope', 'x'], ['rpc', 'stats.get_statistics', 'dns:']]) {
    test(`kamctl ${args.join(' ')}: same output as against Kamailio (ids aside)`, async () => {
      const real = await kamctl(env, args);
      const mine = await kamctlOurs(args);
      assert.equal(withoutId(mine.stdout), withoutId(real.stdout));
      assert.equal(mine.code, real.code);
    });
  }

  test('kamctl uptime, ps, stats: answered, in Kamailio\'s shapes', async () => {
    const uptime = await kamctlOurs(['uptime']);
    assert.equal(uptime.code, 0, uptime.stderr);
    assert.match(uptime.stdout, /"now":\s+"\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}",\n\s+"up_since":/);
    const ps = await kamctlOurs(['ps']);
    assert.match(ps.stdout, /"DSC":\s+"main process - attendant"/);
    const stats = await kamctlOurs(['stats', 'shmem']);
    assert.match(stats.stdout, /"shmem:total_size = \d+"/);
  });

  test('kamctl leaves no reply FIFO behind and our server keeps its own', async () => {
    assert.deepEqual(readdirSync(path.join(ours.dir, 'tmp')), []);
    assert.ok(readdirSync(ours.dir).includes('kamailio_rpc.fifo'));
  });
});

describe('HTTP transports of ours against Kamailio\'s', () => {
  async function post(port: number, urlPath: string, body: string): Promise<{ status: number; text: string; contentType: string | null }> {
    const res = await fetch(`http://127.0.0.1:${port}${urlPath}`, { method: 'POST', body });
    return { status: res.status, text: await res.text(), contentType: res.headers.get('content-type') };
  }

  test('JSON-RPC /RPC and XML-RPC /RPC2: same bodies as Kamailio for the same requests', async () => {
    const cases: [string, string][] = [
      ['/RPC', '{"jsonrpc":"2.0","method":"core.version","id":1}'],
      ['/RPC', '{"jsonrpc":"2.0","method":"core.echo","params":["a",1,2.5,{"x":1}],"id":"s"}'],
      ['/RPC', '{"jsonrpc":"2.0","method":"no.such","id":2}'],
      ['/RPC', '{"jsonrpc":"1.0","method":"core.echo","id":2.5}'],
      ['/RPC', '[1]'],
      // Not cnt.get of an unknown counter: Kamailio puts the fault text's trailing newline into its
      // status line, which ends its HTTP header early, and clients then wait for a body that never
      // comes. Ours strips it (server-bad-input.test.ts).
      ['/RPC', '{"jsonrpc":"2.0","method":"cnt.get","params":["dns"],"id":null}'],
      ['/RPC2', '<?xml version="1.0"?><methodCall><methodName>core.echo</methodName><params><param><value><string>a</string></value></param><param><value><int>7</int></value></param></params></methodCall>'],
      ['/RPC2', '<?xml version="1.0"?><methodCall><methodName>no.such</methodName></methodCall>'],
      ['/RPC2', '<?xml version="1.0"?><methodCall><methodName>cnt.get</methodName><params><param><value><int>5</int></value></param></params></methodCall>'],
      ['/RPC2', 'garbage'],
      // stats.fetch values are strings, stats.fetchn's numbers (XML-RPC doubles); dns and registrar's agree.
      ['/RPC', '{"jsonrpc":"2.0","method":"stats.fetch","params":["dns:","registrar.max_contacts",5,"dns:"],"id":1}'],
      ['/RPC', '{"jsonrpc":"2.0","method":"stats.fetchn","params":["dns:","max_expires"],"id":1}'],
      ['/RPC2', '<?xml version="1.0"?><methodCall><methodName>stats.fetchn</methodName><params><param><value><string>dns:</string></value></param><param><value><string>registrar:max_contacts</string></value></param></params></methodCall>'],
    ];
    const realPort = env.httpPort;
    for (const [urlPath, body] of cases) {
      const real = await post(realPort, urlPath, body);
      const mine = await post(ours.http, urlPath, body);
      assert.equal(mine.text, real.text, `${urlPath} ${body}`);
      assert.equal(mine.status, real.status, `${urlPath} ${body}`);
      assert.equal(mine.contentType, real.contentType, `${urlPath} ${body}`);
    }
  });
});
