import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Expression, Statement } from '../src/config/index.js';
import { flattenStatements, loadText } from './config-support.js';

function routeBody(text: string): readonly Statement[] {
  return loadText(text).routes[0]!.body.statements;
}

/** A compact rendering of an expression tree, to assert precedence and shapes. */
function show(e: Expression): string {
  switch (e.kind) {
    case 'int':
      return String(e.value);
    case 'string':
      return JSON.stringify(e.value);
    case 'pv':
    case 'select':
      return e.text;
    case 'ident':
      return e.name;
    case 'address':
      return e.mask === undefined ? e.address : `${e.address}/${e.mask}`;
    case 'myself':
      return 'myself';
    case 'call':
      return `${e.name}(${e.args.map(show).join(', ')})`;
    case 'unary':
      return `${e.operator}${show(e.operand)}`;
    case 'binary':
      return `(${show(e.left)} ${e.operator} ${show(e.right)})`;
    case 'core-condition':
      return `[${e.subject} ${e.operator} ${show(e.value)}]`;
    case 'strlen':
    case 'strempty':
      return `${e.kind}(${show(e.argument)})`;
    case 'selval':
      return `selval(${show(e.condition)}, ${show(e.whenTrue)}, ${show(e.whenFalse)})`;
  }
}

function conditionOf(source: string): string {
  const [statement] = routeBody(`route {\n\tif (${source}) exit;\n}\n`);
  assert.equal(statement?.kind, 'if');
  return statement?.kind === 'if' ? show(statement.condition) : '';
}

test('precedence: bitwise looser than comparisons, << looser than >>, && over ||, mod with *', () => {
  assert.equal(conditionOf('$a == 1 || $b == 2 && $c'), '(($a == 1) || (($b == 2) && $c))');
  assert.equal(conditionOf('$a & 4 == 4'), '($a & (4 == 4))');
  assert.equal(conditionOf('1 << 2 >> 1'), '(1 << (2 >> 1))');
  assert.equal(conditionOf('$x + 2 * 3 mod 2 > 1'), '(($x + ((2 * 3) mod 2)) > 1)');
  assert.equal(conditionOf('not $a and !($b or $c)'), '(!$a && !($b || $c))');
  assert.equal(conditionOf('(int)$var(x) - -1 > (str)5'), '(((int)$var(x) - -1) > (str)5)');
});

test('core conditions, myself, addresses, $null, strempty and selval', () => {
  assert.equal(conditionOf('is_method("OPTIONS") && uri==myself && $rU==$null'), '((is_method("OPTIONS") && [uri == myself]) && ($rU == $null))');
  assert.equal(conditionOf('src_ip == 10.0.0.0/8 || dst_ip != 192.168.1.0/255.255.255.0'), '([src_ip == 10.0.0.0/8] || [dst_ip != 192.168.1.0/255.255.255.0])');
  assert.equal(conditionOf('status=~"[12][0-9][0-9]" && method == INVITE'), '([status =~ "[12][0-9][0-9]"] && [method == INVITE])');
  assert.equal(conditionOf('proto == udp && msg:len > 1500 && myself == from_uri'), '(([proto == udp] && [msg:len > 1500]) && [from_uri == myself])');
  assert.equal(conditionOf('strempty($sel(cfg_get.pstn.gw_ip)) || strlen(@cfg_get.lab.greeting) eq 5'), '(strempty($sel(cfg_get.pstn.gw_ip)) || (strlen(@cfg_get.lab.greeting) eq 5))');
  assert.equal(conditionOf('selval($x, 1, "two") && defined $avp(a)'), '(selval($x, 1, "two") && defined$avp(a))');
  // In a double-quoted string `\+` is no escape: the regex keeps its backslash.
  assert.equal(conditionOf('!($rU=~"^(\\+|00)[1-9][0-9]{3,20}$")'), String.raw`!($rU =~ "^(\\+|00)[1-9][0-9]{3,20}$")`);
});

test('every node carries file:line:column', () => {
  const [statement] = routeBody('route {\n  if ($a == 1) {\n    xlog("L_INFO", "x");\n  }\n}\n');
  assert.ok(statement?.kind === 'if');
  assert.deepEqual(statement.loc, { file: '/cfg/main.cfg', line: 2, column: 3 });
  assert.ok(statement.condition.kind === 'binary');
  assert.deepEqual(statement.condition.loc, { file: '/cfg/main.cfg', line: 2, column: 10 });
  assert.deepEqual(statement.condition.left.loc, { file: '/cfg/main.cfg', line: 2, column: 7 });
  assert.deepEqual(statement.condition.right.loc, { file: '/cfg/main.cfg', line: 2, column: 13 });
  assert.ok(statement.then.kind === 'block');
  const call = statement.then.block.statements[0]!;
  assert.ok(call.kind === 'call');
  assert.deepEqual(call.loc, { file: '/cfg/main.cfg', line: 3, column: 5 });
  assert.deepEqual(call.call.args[1]!.loc, { file: '/cfg/main.cfg', line: 3, column: 20 });
});

test('action ids are unique, in source order; trace lines follow Kamailio (";" line, or the token after if/switch/while)', () => {
  const body = routeBody(
    [
      'route {', // 1
      '\tforce_rport();', // 2
      '\tif (!mf_process_maxfwd_header("10")) {', // 3
      '\t\tsl_send_reply("483",', // 4
      '\t\t\t"Too Many Hops");', // 5
      '\t}', // 6
      '\t$var(x) = $rU;', // 7
      '\twhile ($var(i) < 3) { $var(i) = $var(i) + 1; }', // 8
      '\tswitch ($rc) { case -1: break; default: return; }', // 9
      '\tt_on_failure("X"); xlog("L_INFO", "$var(x)\\n"); ds_select_dst("1", $var(alg));', // 10
      '\texit;', // 11
      '}',
    ].join('\n'),
  );
  const flat = flattenStatements(body);
  assert.deepEqual(flat.map((s) => s.id), flat.map((_, i) => i + 1));
  assert.deepEqual(
    flat.map((s) => `${s.trace.line} ${s.trace.type} ${s.trace.name}`),
    [
      '2 55 force_rport',
      '7 16 if',
      '7 18 block',
      '5 26 sl_send_reply',
      '7 63 assign',
      '9 23 while',
      '9 18 block',
      '8 63 assign',
      '10 21 switch',
      '9 2 exit',
      '9 2 return',
      '10 25 t_on_failure',
      '10 26 xlog',
      '10 33 ds_select_dst',
      '11 2 exit',
    ],
  );
});

test('switch: integer, negative and regex labels, fall-through bodies kept per case', () => {
  const [sw] = routeBody('route { switch ($var(rc)) { case -1: case -3: send_reply("404", "Not Found"); exit; case -2: exit; default: drop; } }');
  assert.ok(sw?.kind === 'switch');
  assert.deepEqual(sw.cases.map((c) => [c.label?.value ?? 'default', c.statements.map((s) => s.kind)]), [
    [-1, []],
    [-3, ['call', 'exit']],
    [-2, ['exit']],
    ['default', ['drop']],
  ]);
  const [regex] = routeBody('route { switch ($rU) { case /"^00": break; case "x": break; } }');
  assert.ok(regex?.kind === 'switch');
  assert.deepEqual(regex.cases.map((c) => c.label), [{ kind: 'regex', value: '^00' }, { kind: 'string', value: 'x' }]);
  assert.equal(regex.trace.type, 22);
});

test('flow statements and calls without parentheses', () => {
  const body = routeBody('route { return; return(); return(-1); exit 0; drop; break; set_reply_no_connect; route(NEXT); }');
  assert.deepEqual(
    body.map((s) => (s.kind === 'call' ? `call ${show(s.call)}${s.call.parenthesized ? '' : ' bare'} a=${s.trace.type} n=${s.trace.name}` : `${s.kind} ${'value' in s && s.value ? show(s.value) : '-'}`)),
    ['return -', 'return -', 'return -1', 'exit 0', 'drop -', 'break -', 'call set_reply_no_connect() bare a=67 n=set_rpl_no_connect', 'call route(NEXT) a=5 n=route'],
  );
});

test('route blocks: kinds, names, default names', () => {
  const config = loadText(
    [
      'request_route { exit; }',
      'route[RELAY] { exit; }',
      'route["quoted"] { exit; }',
      'route[2] { exit; }',
      'failure_route[MANAGE_FAILURE] { exit; }',
      'branch_route[MANAGE_BRANCH] { exit; }',
      'onreply_route[MANAGE_REPLY] { exit; }',
      'reply_route { exit; }',
      'onsend_route { exit; }',
      'event_route[dispatcher:dst-down] { exit; }',
      'event_route[xhttp:request] { exit; }',
    ].join('\n'),
  );
  assert.deepEqual(config.routes.map((r) => `${r.kind}:${r.name}`), [
    'request:DEFAULT_ROUTE',
    'route:RELAY',
    'route:quoted',
    'route:2',
    'failure:MANAGE_FAILURE',
    'branch:MANAGE_BRANCH',
    'onreply:MANAGE_REPLY',
    'reply:DEFAULT_ONREPLY',
    'onsend:DEFAULT_ONSEND',
    'event:dispatcher:dst-down',
    'event:xhttp:request',
  ]);
});

test('top level: globals with several words, loadmodule, modparam regex and values, cfg variables and instances', () => {
  const config = loadText(
    [
      'listen=udp:127.0.0.1:5060 advertise 1.2.3.4:5000',
      'log_facility=LOG_LOCAL0',
      'debug=-1;',
      'mpath="/usr/lib/kamailio/modules/"',
      'loadmodule "nathelper"',
      'loadmodule "registrar.so"',
      'modparam("nathelper|registrar", "received_avp", "$avp(RECEIVED)")',
      'modparam("registrar", "max_expires", -1)',
      'modparam("REGISTRAR", "use_path", yes)',
      'pstn.gw_ip = "" desc "PSTN GW Address"',
      'pstn.gw_port = 5060 descr "port"',
      'pstn[1].gw_ip = "10.0.0.1"',
    ].join('\n'),
  );
  assert.deepEqual(config.globals.map((g) => [g.name, g.value]), [
    ['listen', 'udp:127.0.0.1:5060 advertise 1.2.3.4:5000'],
    ['log_facility', 'LOG_LOCAL0'],
    ['debug', -1],
    ['mpath', '/usr/lib/kamailio/modules/'],
  ]);
  assert.deepEqual(config.modules.map((m) => m.name), ['nathelper', 'registrar']);
  assert.deepEqual(config.modparams.map((p) => [p.module, p.param, p.value]), [
    ['nathelper|registrar', 'received_avp', '$avp(RECEIVED)'],
    ['registrar', 'max_expires', -1],
    ['REGISTRAR', 'use_path', 1],
  ]);
  assert.deepEqual(
    config.cfgVars.map((v) => ({ group: v.group, instance: v.instance, name: v.name, value: v.value, description: v.description, line: v.loc.line })),
    [
      { group: 'pstn', instance: undefined, name: 'gw_ip', value: '', description: 'PSTN GW Address', line: 10 },
      { group: 'pstn', instance: undefined, name: 'gw_port', value: 5060, description: 'port', line: 11 },
      { group: 'pstn', instance: 1, name: 'gw_ip', value: '10.0.0.1', description: undefined, line: 12 },
    ],
  );
});
