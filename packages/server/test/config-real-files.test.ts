import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadConfig, type LoadedConfig, type Statement } from '../src/config/index.js';
import { CONFIG_FIXTURES, flattenStatements, HARNESS_CONFIG } from './config-support.js';

const DEBIAN = join(CONFIG_FIXTURES, 'debian-kamailio.cfg');
const LAB = join(CONFIG_FIXTURES, 'kamailio-lab.cfg');

function countStatements(config: LoadedConfig): number {
  return config.routes.reduce((sum, route) => sum + flattenStatements(route.body.statements).length, 0);
}

test('the reference lab config parses, with its -A overrides', async () => {
  const config = await loadConfig(LAB, { defines: { LAB_SIP_PORT: '5099', LAB_CTL_TCP: '"tcp:127.0.0.1:2999"' } });
  assert.deepEqual(config.files, [LAB]);
  assert.deepEqual(config.globals.filter((g) => g.name === 'listen').map((g) => g.value), ['udp:127.0.0.1:5099', 'tcp:127.0.0.1:5099', 'tcp:127.0.0.1:5071']);
  assert.equal(config.modules.length, 29);
  assert.deepEqual(config.modparams.find((p) => p.value === 'tcp:127.0.0.1:2999')?.param, 'binrpc');
  assert.deepEqual(config.cfgVars.map((v) => [v.group, v.name, v.value]), [['lab', 'enabled', 1], ['lab', 'greeting', 'hello']]);
  assert.deepEqual(config.routes.map((r) => r.name), ['DEFAULT_ROUTE', 'REQINIT', 'WITHINDLG', 'REGISTRAR', 'LOCATION', 'DISPATCH', 'DS_FAILOVER', 'dispatcher:dst-down', 'dispatcher:dst-up', 'xhttp:request', 'XMLRPC']);
  assert.ok(config.defines.has('MOD_xmlrpc'));
  assert.equal(config.modparams.find((p) => p.param === 'breakpoint')?.value, 0);
  const withBreakpoints = await loadConfig(LAB, { defines: { WITH_BREAKPOINTS: true } });
  assert.equal(withBreakpoints.modparams.find((p) => p.param === 'breakpoint')?.value, 1);
});

test('trace positions match what the debugger reported on the lab (observed/debugger-breakpoints.txt)', async () => {
  const config = await loadConfig(LAB);
  const first = (name: string) => config.routes.find((r) => r.name === name)!.body.statements;
  const trace = (statement: Statement | undefined) => statement && `l=${statement.trace.line} a=${statement.trace.type} n=${statement.trace.name}`;
  // exec [kamailio-lab.cfg:218] a=25 n=cnt_inc, exec [:219] a=5 n=route, at bkp [:272] a=16 n=if, at bkp [:382] a=16 n=if
  assert.deepEqual([trace(first('DEFAULT_ROUTE')[0]), trace(first('DEFAULT_ROUTE')[1]), trace(first('REQINIT')[0]), trace(first('xhttp:request')[0])], [
    'l=218 a=25 n=cnt_inc',
    'l=219 a=5 n=route',
    'l=272 a=16 n=if',
    'l=382 a=16 n=if',
  ]);
});

test('the interop harness config parses', async () => {
  const config = await loadConfig(HARNESS_CONFIG);
  assert.equal(config.modparams.filter((p) => p.module === 'ctl' && p.param === 'binrpc').length, 4);
  assert.equal(config.routes.length, 11);
  assert.ok(countStatements(config) > 80);
});

test('the Debian default config parses bare and with WITH_MYSQL, WITH_AUTH, WITH_IPAUTH, WITH_DEBUG', async () => {
  const bare = await loadConfig(DEBIAN);
  assert.equal(bare.globals.find((g) => g.name === 'debug')?.value, 2);
  assert.equal(bare.modules.some((m) => m.name === 'auth'), false);

  // WITH_AUTH needs WITH_MYSQL for DBURL, with Kamailio 5.6.3 too (`kamailio -c` fails at line 414 without it).
  const config = await loadConfig(DEBIAN, { defines: { WITH_MYSQL: true, WITH_AUTH: true, WITH_IPAUTH: true, WITH_DEBUG: true } });
  assert.equal(config.globals.find((g) => g.name === 'debug')?.value, 3);
  assert.deepEqual(
    ['db_mysql', 'auth', 'auth_db', 'permissions', 'debugger'].map((name) => config.modules.some((m) => m.name === name)),
    [true, true, true, true, true],
  );
  assert.equal(config.modparams.find((p) => p.module === 'auth_db' && p.param === 'db_url')?.value, 'mysql://kamailio:kamailiorw@localhost/kamailio');
  assert.deepEqual(config.routes.map((r) => `${r.kind}:${r.name}`).slice(-4), ['branch:MANAGE_BRANCH', 'reply:DEFAULT_ONREPLY', 'onreply:MANAGE_REPLY', 'failure:MANAGE_FAILURE']);
  const auth = config.routes.find((r) => r.name === 'AUTH')!;
  assert.equal(auth.body.statements.length, 4);
  assert.ok(countStatements(config) > countStatements(bare));
});

test('the Debian default config parses with every feature define (PSTN and voicemail cfg groups included)', async () => {
  const flags = ['MYSQL', 'AUTH', 'IPAUTH', 'DEBUG', 'PSTN', 'VOICEMAIL', 'NAT', 'PRESENCE', 'ANTIFLOOD', 'ACCDB', 'ALIASDB', 'SPEEDDIAL', 'MULTIDOMAIN', 'USRLOCDB', 'TLS', 'JSONRPC', 'BLOCK3XX', 'BLOCK401407'];
  const config = await loadConfig(DEBIAN, { defines: Object.fromEntries(flags.map((f) => [`WITH_${f}`, true])) });
  assert.deepEqual(config.cfgVars.map((v) => `${v.group}.${v.name}=${JSON.stringify(v.value)}`), ['pstn.gw_ip=""', 'pstn.gw_port=""', 'voicemail.srv_ip=""', 'voicemail.srv_port="5060"']);
  assert.ok(config.routes.some((r) => r.name === 'xhttp:request'));
  // Adjacent double-quoted strings across lines are one value.
  assert.equal(config.modparams.find((p) => p.param === 'db_extra')?.value, 'src_user=$fU;src_domain=$fd;src_ip=$si;dst_ouser=$tU;dst_user=$rU;dst_domain=$rd');
});
