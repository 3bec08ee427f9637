import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadConfig, type LoadedConfig, type Statement } from '../src/config/index.js';
import { CONFIG_FIXTURES, flattenStatements, HARNESS_CONFIG } from './config-support.js';

// Kamailio's own default config is not kept here: test/interop/server-default-config.test.ts reads the
// one the Debian package installs (/etc/kamailio/kamailio.cfg).
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
