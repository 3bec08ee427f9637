import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../src/config/index.js';
import { configErrorOf, loadFiles } from './config-support.js';

/** Each case: the text, then the exact message (FILE:LINE:COLUMN: what is wrong, expected what). */
const CASES: [string, string, string][] = [
  ['missing ; before }', 'request_route {\n\texit\n}\n', "/cfg/main.cfg:3:1: unexpected '}', expected ';' after exit"],
  ['missing ) in a condition', 'request_route {\n\tif ($var(x) == 1 {\n\t\texit;\n\t}\n}\n', "/cfg/main.cfg:2:19: unexpected '{', expected ')' to close '('"],
  ['!~ is not an operator', 'request_route {\n\tif ($rU !~ "x") { exit; }\n}\n', "/cfg/main.cfg:2:10: '!~' is not an operator in Kamailio 5.6, expected !(a =~ b) to negate a regex match"],
  ['% is not an operator', 'route { $var(x) = 7 % 2; }\n', "/cfg/main.cfg:1:21: '%' is not an operator, expected 'mod' for the remainder"],
  ['dangling operator', 'route {\n\t$var(x) = 1 +;\n}\n', "/cfg/main.cfg:2:15: unexpected ';', expected a value: a number, a string, a $variable, a function call or (expression)"],
  ['unterminated string', 'route {\n\t$var(x) = "abc;\n}\n', '/cfg/main.cfg:2:12: unterminated string, expected a closing " before the end of the file'],
  ['block never closed', 'request_route {\n\texit;\n', "/cfg/main.cfg:3:1: unexpected end of file, expected '}' to close the block opened at /cfg/main.cfg:1:15"],
  ['type mismatch in a constant expression', 'route {\n\tif (1 + "2") { exit; }\n}\n', "/cfg/main.cfg:2:10: bad expression: type mismatch: str instead of int, expected an integer operand for '+'"],
  ['duplicate route', 'route[A] { exit; }\nroute[B] { exit; }\nroute[A] { exit; }\n', '/cfg/main.cfg:3:1: duplicate route, expected one route block per name (the first is at /cfg/main.cfg:1:1)'],
  ['request_route and route are the same block', 'request_route { exit; }\nroute { drop; }\n', '/cfg/main.cfg:2:1: duplicate route, expected one route block per name (the first is at /cfg/main.cfg:1:1)'],
  ['mixed switch labels', 'route {\n\tswitch ($rc) {\n\t\tcase 1: break;\n\t\tcase "a": break;\n\t}\n}\n', "/cfg/main.cfg:4:3: bad switch(): mixed integer and string/RE cases not allowed, expected only integer labels in this switch"],
  ['function call inside arguments', 'route { f(g(1)); }\n', '/cfg/main.cfg:1:11: use of function execution inside params not allowed, expected a constant, a $variable or an expression as argument'],
  ['modparam before loadmodule', 'modparam("tm", "fr_timer", 1)\n', '/cfg/main.cfg:1:1: No module matching <tm> found, expected a loadmodule line for it before this modparam'],
  ['modparam value is a bare word (undefined define)', 'loadmodule "auth_db.so"\nmodparam("auth_db", "db_url", DBURL)\n', "/cfg/main.cfg:2:31: unexpected 'DBURL', expected a string or a number as the value of db_url"],
  ['cfg variable declared twice', 'lab.x = 1\nlab.x = 2\n', '/cfg/main.cfg:2:1: variable already exists: lab.x, expected one declaration per variable (the first is at /cfg/main.cfg:1:1)'],
  ['global without a value', 'debug=\nchildren=2\n', "/cfg/main.cfg:2:1: unexpected 'children', expected a value for debug on the same line"],
  ['a word alone at the top', 'request_route { exit; }\nnonsense\n', "/cfg/main.cfg:3:1: unexpected end of file, expected '=' after nonsense (a global parameter), or '.' (a cfg variable group.name)"],
  ['failure_route needs a name', 'failure_route { exit; }\n', "/cfg/main.cfg:1:15: unexpected '{', expected '[' and a name after failure_route"],
  ['case label must be constant', 'route { switch ($rc) { case $x: break; } }\n', '/cfg/main.cfg:1:29: unexpected pseudo-variable $x, expected a constant case label: a number or a string'],
  ['stray else', 'route { else { exit; } }\n', "/cfg/main.cfg:1:9: 'else' without 'if', expected a statement"],
  ['assignment needs =', 'route { $var(x) 1; }\n', "/cfg/main.cfg:1:17: unexpected number 1, expected '=' to assign to $var(x)"],
  ['invalid number', 'x=12ab\n', '/cfg/main.cfg:1:3: invalid number 12ab, expected a decimal, 0x hex, 0 octal or [01]+b binary number'],
];

for (const [name, text, message] of CASES) {
  test(`parse error: ${name}`, () => {
    const error = configErrorOf(text);
    assert.equal(error.message, message);
    const [, line, column] = /^\/cfg\/main\.cfg:(\d+):(\d+):/.exec(message)!;
    assert.equal(error.file, '/cfg/main.cfg');
    assert.equal(error.line, Number(line));
    assert.equal(error.column, Number(column));
  });
}

test('errors inside an included file name that file', () => {
  assert.throws(
    () => loadFiles({ '/cfg/main.cfg': 'debug=1\ninclude_file "routes.cfg"\n', '/cfg/routes.cfg': 'route {\n\tsl_send_reply("404" 5);\n}\n' }),
    (error: unknown) => error instanceof ConfigError && error.message === "/cfg/routes.cfg:2:22: unexpected number 5, expected ',' or ')' in the arguments of sl_send_reply()",
  );
  // An included file is text in place: a block it leaves open is reported at the end of the main file.
  assert.throws(
    () => loadFiles({ '/cfg/main.cfg': 'debug=1\ninclude_file "routes.cfg"\n', '/cfg/routes.cfg': 'route {\n\texit;\n' }),
    (error: unknown) => error instanceof ConfigError && error.message === "/cfg/main.cfg:3:1: unexpected end of file, expected '}' to close the block opened at /cfg/routes.cfg:1:7",
  );
});

test('errors from a define are reported where the define is used', () => {
  const error = configErrorOf('#!define BROKEN 1 + )\nroute {\n\t$var(x) = BROKEN;\n}\n');
  assert.equal(error.line, 3);
  assert.equal(error.column, 12);
  assert.match(error.message, /unexpected '\)'/);
});
