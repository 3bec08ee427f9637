// The kamctlrc parser: shell assignments as dash would evaluate them, and a warning (with the
// line) for everything a shell would run instead.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { expandWord, parseKamctlrc, type RcWarning } from '../src/index.js';

/** Evaluates every assignment in order, like sourcing the file into an empty shell with `env`. */
function evaluate(text: string, env: Record<string, string> = {}): { vars: Record<string, string>; warnings: RcWarning[] } {
  const parsed = parseKamctlrc(text, 'rc');
  const vars: Record<string, string> = {};
  const warnings = [...parsed.warnings];
  for (const s of parsed.statements) {
    if (s.kind === 'unset') {
      for (const n of s.names) delete vars[n];
      continue;
    }
    for (const a of s.assignments) {
      const v = expandWord(a.value, (n) => vars[n] ?? env[n]);
      if (v.ok) vars[a.name] = v.value;
      else warnings.push({ file: 'rc', line: a.line, message: `${a.name}: ${v.construct}` });
    }
  }
  return { vars, warnings };
}

describe('kamctlrc parser', () => {
  it('reads plain, quoted and escaped assignments and skips comments', () => {
    const { vars, warnings } = evaluate(
      [
        '# a comment',
        'DBENGINE=MYSQL',
        'DBRWPW="kamailio rw"   # trailing comment',
        "DBROPW='it''s'",
        'PLAIN=a\\ b\\#c',
        'HASH=a#b',
        'EMPTY=',
        'QUOTED_EMPTY=""',
        '   INDENTED=yes',
      ].join('\n'),
    );
    assert.deepEqual(vars, {
      DBENGINE: 'MYSQL',
      DBRWPW: 'kamailio rw',
      DBROPW: 'its',
      PLAIN: 'a b#c',
      HASH: 'a#b',
      EMPTY: '',
      QUOTED_EMPTY: '',
      INDENTED: 'yes',
    });
    assert.deepEqual(warnings, []);
  });

  it('keeps multi-line quoted values and backslash-newline continuations', () => {
    const { vars } = evaluate('EXTRA_MODULES="imc cpl\n\t\tsiptrace"\nA=one\\\ntwo\nB="x\\\ny"\nC=after');
    assert.equal(vars['EXTRA_MODULES'], 'imc cpl\n\t\tsiptrace');
    assert.equal(vars['A'], 'onetwo');
    assert.equal(vars['B'], 'xy');
    assert.equal(vars['C'], 'after');
  });

  it('takes several assignments on one line, separated by blanks or ;', () => {
    const { vars } = evaluate('A=1 B=2; C=3;D=4');
    assert.deepEqual(vars, { A: '1', B: '2', C: '3', D: '4' });
  });

  it('expands $NAME, ${NAME} and the -, :-, +, :+ operators, in and out of double quotes', () => {
    const { vars } = evaluate(
      [
        'BASE=/var/lib',
        'P1=$BASE/k.db',
        'P2="${BASE}x"',
        'P3=${UNSET:-dflt}',
        'P4=${EMPTY-keep}',
        'P5=${EMPTY:-"two words"}',
        'P6=${BASE:+set}',
        'P7=${UNSET+set}',
        'P8="\\$BASE \\"q\\" \\\\ \\n"',
        "P9='$BASE'",
        'P10=$',
        'P11="${UNSET:-${BASE}}/db"',
        'P12=$HOME',
      ].join('\n'),
      { EMPTY: '', HOME: '/root' },
    );
    assert.equal(vars['P1'], '/var/lib/k.db');
    assert.equal(vars['P2'], '/var/libx');
    assert.equal(vars['P3'], 'dflt');
    assert.equal(vars['P4'], '');
    assert.equal(vars['P5'], 'two words');
    assert.equal(vars['P6'], 'set');
    assert.equal(vars['P7'], '');
    assert.equal(vars['P8'], '$BASE "q" \\ \\n');
    assert.equal(vars['P9'], '$BASE');
    assert.equal(vars['P10'], '$');
    assert.equal(vars['P11'], '/var/lib/db');
    assert.equal(vars['P12'], '/root');
  });

  it('expands ~ at the start of a value to $HOME', () => {
    const { vars } = evaluate('DB_PATH=~/kamailio.db\nT=~\nQ="~/x"', { HOME: '/home/k' });
    assert.equal(vars['DB_PATH'], '/home/k/kamailio.db');
    assert.equal(vars['T'], '/home/k');
    assert.equal(vars['Q'], '~/x');
  });

  it('takes export and readonly assignments and unset', () => {
    const { vars } = evaluate('export DBHOST=db1 DBPORT=3307\nreadonly R=1\nX=1\nunset X\nexport DBNAME');
    assert.deepEqual(vars, { DBHOST: 'db1', DBPORT: '3307', R: '1' });
  });

  it('never evaluates command substitution, arithmetic or special parameters', () => {
    const { vars, warnings } = evaluate('A=$(hostname)\nB=`date`\nC=$((1+2))\nD=$1\nE=${#HOME}\nF=${G:=x}\nOK=1', { HOME: '/h' });
    assert.deepEqual(vars, { OK: '1' });
    assert.deepEqual(
      warnings.map((w) => `${w.line} ${w.message}`),
      [
        '1 A: $(...) command substitution',
        '2 B: `...` command substitution',
        '3 C: $((...)) arithmetic',
        '4 D: special parameter $1',
        '5 E: ${#HOME} expansion',
        '6 F: ${G:=x} expansion',
      ],
    );
  });

  it('skips commands, includes, pipelines and NAME=value prefixes with a warning naming the line', () => {
    const { vars, warnings } = evaluate(
      ['echo hello', '. /etc/other.rc', 'source x', '[ -f /x ] && DBNAME=maybe', 'LANG=C sort', 'A=1 | cat', ':', 'true', 'KEPT=yes'].join('\n'),
    );
    assert.deepEqual(vars, { KEPT: 'yes' });
    assert.deepEqual(
      warnings.map((w) => w.line),
      [1, 2, 3, 4, 5, 6],
    );
    assert.match(warnings[0]!.message, /runs the command "echo"/);
    assert.match(warnings[1]!.message, /"\." \(reading another file\) is not supported/);
    assert.match(warnings[3]!.message, /"&".*not supported/);
    assert.match(warnings[4]!.message, /only apply to that command/);
  });

  it('skips if/case/loops and functions whole, nested ones included', () => {
    const text = [
      'A=1',
      'if [ -n "$X" ]; then',
      '  DBNAME=inside',
      '  if true; then B=2; fi',
      'else',
      '  DBNAME=other',
      'fi',
      'for i in 1 2; do C=$i; done',
      'case $X in a) D=1;; esac',
      'f() {',
      '  E=1',
      '}',
      'Z=last',
    ].join('\n');
    const { vars, warnings } = evaluate(text);
    assert.deepEqual(vars, { A: '1', Z: 'last' });
    assert.deepEqual(
      warnings.map((w) => w.message.replace(/ not evaluated.*/, '')),
      ['"if" block (lines 2-7)', '"for" block (lines 8-8)', '"case" block (lines 9-9)', '"function" block (lines 10-12)'],
    );
  });

  it('keeps what came before an unterminated quote and says where it starts', () => {
    const { vars, warnings } = evaluate('A=1\nB="open\nC=3\n');
    assert.deepEqual(vars, { A: '1' });
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]!.line, 2);
    assert.match(warnings[0]!.message, /unterminated double quote: the rest of the file is ignored/);
  });

  it('reports an if without fi', () => {
    const { vars, warnings } = evaluate('if true; then\nA=1\n');
    assert.deepEqual(vars, {});
    assert.match(warnings[0]!.message, /"if" block is not closed/);
  });
});
