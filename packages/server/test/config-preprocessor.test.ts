import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configErrorOf, globalsOf, loadFiles, loadText } from './config-support.js';

test('#!define: value is the rest of the line, re-scanned where the name is used; no value makes the name vanish', () => {
  const config = loadText(['#!KAMAILIO', '#!define LEVEL 3', '#!define GREETING "hi"', '#!define EMPTY', '#!define INDIRECT LEVEL', 'debug=LEVEL', 'greeting=GREETING', 'indirect=INDIRECT', 'x=EMPTY 7', ''].join('\n'));
  assert.deepEqual(globalsOf(config), { debug: 3, greeting: 'hi', indirect: 3, x: 7 });
  assert.equal(config.defines.get('LEVEL'), '3');
  assert.equal(config.defines.get('EMPTY'), '');
});

test('#!define: multi-line values with backslash-newline; the alias #!def', () => {
  const config = loadText(['#!define PARAMS "a=1;" \\', '    "b=2"', '#!def PORT 5070', 'params=PARAMS', 'port=PORT', ''].join('\n'));
  assert.deepEqual(globalsOf(config), { params: 'a=1;b=2', port: 5070 });
});

test('#!define of an existing name is an error naming it; #!trydef keeps, #!redefine replaces', () => {
  const error = configErrorOf('#!define A 1\n#!define A 2\n');
  assert.equal(error.message, '/cfg/main.cfg:2:1: already defined: A, expected #!redefine or #!trydef to change or keep it');
  const config = loadText('#!define A 1\n#!trydef A 2\n#!trydefine B 5\n#!redefine A 3\n#!redef C 4\na=A\nb=B\nc=C\n');
  assert.deepEqual(globalsOf(config), { a: 3, b: 5, c: 4 });
});

test("define names may not contain '-'", () => {
  const error = configErrorOf('#!define Y-Z 2\n');
  assert.equal(error.line, 1);
  assert.match(error.message, /'-' not allowed in define name Y-Z, expected letters, digits and _/);
});

test('#!ifdef / #!ifndef / #!else / #!endif nest; skipped text is never tokenized', () => {
  const text = [
    '#!define A',
    '#!ifdef A',
    'a=1',
    '#!ifndef B',
    'b=1',
    '#!else',
    'b=2',
    '#!endif',
    '#!else',
    "  this is ' not \" config at all",
    '#!ifdef A',
    'never=1',
    '#!endif',
    '#!endif',
    '#!ifdef NOPE',
    'c=1',
    '#!else',
    'c=2',
    '#!endif',
    '',
  ].join('\n');
  assert.deepEqual(globalsOf(loadText(text)), { a: 1, b: 1, c: 2 });
});

test('unbalanced #!ifdef and #!endif are errors with the position', () => {
  const open = configErrorOf('#!ifdef X\ndebug=1\n');
  assert.equal(open.line, 3);
  assert.match(open.message, /1 more #!if\[n\]def as #!endif \(the last one at \/cfg\/main\.cfg:1:1\), expected #!endif$/);
  const extra = configErrorOf('debug=1\n#!endif\n');
  assert.equal(extra.message, '/cfg/main.cfg:2:1: different number of preprocessor directives: 1 more #!endif as #!if[n]def, expected an #!ifdef or #!ifndef before it');
});

test('predefined names and -A defines (with and without a value)', () => {
  const config = loadText('#!ifdef KAMAILIO_5_6_3\nv=1\n#!endif\n#!ifdef WITH_X\nx=1\n#!endif\nport=PORT\nname=NAME\n', {
    defines: { WITH_X: true, PORT: '5080', NAME: '"lab"' },
  });
  assert.deepEqual(globalsOf(config), { v: 1, x: 1, port: 5080, name: 'lab' });
  assert.ok(config.defines.has('KAMAILIO_5') && config.defines.has('KAMAILIO_5_6'));
});

test('MOD_<name> is defined when its loadmodule line is read, not before', () => {
  const config = loadText(['#!ifdef MOD_xlog', 'before=1', '#!endif', 'loadmodule "/usr/lib/kamailio/modules/xlog.so"', '#!ifdef MOD_xlog', 'after=1', '#!endif', ''].join('\n'));
  assert.deepEqual(globalsOf(config), { after: 1 });
  assert.deepEqual(config.modules.map((m) => [m.name, m.path]), [['xlog', '/usr/lib/kamailio/modules/xlog.so']]);
});

test('#!subst rewrites later strings and PVs, not identifiers; #!substdef also defines', () => {
  const config = loadText(
    ['#!subst "/abc/xyz/g"', '#!substdef "/GWIP/10.0.0.1/"', '#!substdefs "/GWNAME/gw.example/"', 's="abc-abc"', 'ip=GWIP', 'name=GWNAME', 'route { $var(abc) = "GWIP"; }', ''].join('\n'),
  );
  assert.deepEqual(globalsOf(config), { s: 'xyz-xyz', ip: '10.0.0.1', name: 'gw.example' });
  const assign = config.routes[0]!.body.statements[0]!;
  assert.equal(assign.kind, 'assign');
  if (assign.kind !== 'assign') return;
  assert.equal(assign.target.text, '$var(xyz)');
  assert.deepEqual(assign.value, { kind: 'string', value: '10.0.0.1', quote: '"', loc: { file: '/cfg/main.cfg', line: 7, column: 21 } });
  assert.equal(config.defines.get('GWNAME'), '"gw.example"');
});

test('#!subst: back-references and flags; a bad rule is an error', () => {
  const config = loadText('#!subst "/(a)(b)/\\2\\1/gi"\ns="ABab"\n');
  assert.deepEqual(globalsOf(config), { s: 'BAba' });
  assert.match(configErrorOf('#!subst "/a/b"\n').message, /^\/cfg\/main\.cfg:1:1: unterminated substitution/);
  assert.match(configErrorOf('#!subst "/a/b/q"\n').message, /unknown substitution flags 'q', expected 'g' and 'i'/);
});

test('#!defenv, #!defenvs, #!trydefenv, #!trydefenvs', () => {
  const env = { HOME: '/root', LAB: 'on-air' };
  const config = loadText('#!defenv HOME\n#!defenvs LABNAME=LAB\n#!trydefenv NOPE\n#!trydefenvs NOPE2=MISSING\nh=HOME\nl=LABNAME\n#!ifndef NOPE\nmissing=1\n#!endif\n', { env });
  assert.deepEqual(globalsOf(config), { h: '/root', l: 'on-air', missing: 1 });
  const error = configErrorOf('#!defenv X=MISSING\n', { env });
  assert.match(error.message, /environment variable MISSING is not set/);
});

test('include_file and import_file: relative to the including file, nested, optional import', () => {
  const config = loadFiles({
    '/cfg/main.cfg': 'include_file "sub/one.cfg"\nimport_file "absent.cfg"\n#!include_file "two.cfg"\nlast=1\n',
    '/cfg/sub/one.cfg': 'one=1\ninclude_file "deeper.cfg"\n',
    '/cfg/sub/deeper.cfg': '#!define FROM_DEEP 9\n',
    '/cfg/two.cfg': 'two=FROM_DEEP\n',
  });
  assert.deepEqual(globalsOf(config), { one: 1, two: 9, last: 1 });
  assert.deepEqual(config.files, ['/cfg/main.cfg', '/cfg/sub/one.cfg', '/cfg/sub/deeper.cfg', '/cfg/two.cfg']);
  assert.deepEqual(config.globals[1]!.loc, { file: '/cfg/two.cfg', line: 1, column: 1 });
  const missing = configErrorOf('debug=1\ninclude_file "nosuch.cfg"\n');
  assert.equal(missing.line, 2);
  assert.match(missing.message, /cannot open included file: nosuch\.cfg/);
});

test('include_file nesting deeper than 10 is an error', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 12; i++) files[`/cfg/f${i}.cfg`] = `include_file "f${i + 1}.cfg"\n`;
  files['/cfg/f12.cfg'] = 'x=1\n';
  assert.throws(() => loadFiles(files), /includes nested too deeply \(more than 10\)/);
});

test('comments: #, //, nested /* */; directive markers #!KAMAILIO and unknown #! lines are ignored; !! is a directive prefix', () => {
  const config = loadText('#!KAMAILIO\n#!foo bar\n# a=1\n// b=1\n/* c=1 /* nested */ d=1 */\n!!define E 5\ne=E\n');
  assert.deepEqual(globalsOf(config), { e: 5 });
  assert.match(configErrorOf('/* open /* inner */\nx=1\n').message, /^\/cfg\/main\.cfg:1:1: unterminated comment \(1 open\), expected \*\/ before the end of the file$/);
});

test('strings: escapes, adjacent double-quoted strings joined, single quotes raw', () => {
  const config = loadText(String.raw`a="x\ty\n\"q\"\\ \x41\101 \1 \+"` + '\n' + `b="one" "two"\n   "three"\nc='raw \\n "x"'\n`);
  assert.deepEqual(globalsOf(config), { a: 'x\ty\n"q"\\ AA \\1 \\+', b: 'onetwothree', c: 'raw \\n "x"' });
});

test('numbers: hex, octal, binary, booleans', () => {
  const config = loadText('a=0x1F\nb=017\nc=101b\nd=yes\ne=off\nf=-5\n');
  assert.deepEqual(globalsOf(config), { a: 31, b: 15, c: 5, d: 1, e: 0, f: -5 });
});
