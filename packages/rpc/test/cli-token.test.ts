import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCliToken, parseCliTokens } from '../src/index.js';

test('kamcmd argument typing (control-protocols.md §3.3, observed)', () => {
  const tokens = ['x', 's:1', '1.5', '', '-5', '0x10', '4294967296', '-1.25', '1e3', ' 7', 'abcdefgh', '2147483648', 's:abc'];
  assert.deepEqual(parseCliTokens(tokens), [
    { kind: 'str', value: 'x' },
    { kind: 'str', value: '1' },
    { kind: 'double', value: 1.5 },
    { kind: 'int', value: 0 },
    { kind: 'int', value: -5 },
    { kind: 'double', value: 16 },
    { kind: 'int', value: 0 },
    { kind: 'double', value: -1.25 },
    { kind: 'double', value: 1000 },
    { kind: 'int', value: 7 },
    { kind: 'str', value: 'abcdefgh' },
    { kind: 'int', value: -2147483648 },
    { kind: 'str', value: 'abc' },
  ]);
});

test('edge spellings', () => {
  assert.deepEqual(parseCliToken('s:s:x'), { kind: 'str', value: 's:x' });
  assert.deepEqual(parseCliToken('+42'), { kind: 'int', value: 42 });
  assert.deepEqual(parseCliToken('42 '), { kind: 'str', value: '42 ' });
  assert.deepEqual(parseCliToken('inf'), { kind: 'double', value: Infinity });
  assert.deepEqual(parseCliToken('-Infinity'), { kind: 'double', value: -Infinity });
  assert.equal(Number.isNaN(parseCliToken('nan').value), true);
  assert.deepEqual(parseCliToken('0x1.8p1'), { kind: 'double', value: 3 });
  assert.deepEqual(parseCliToken('.5'), { kind: 'double', value: 0.5 });
  assert.deepEqual(parseCliToken('99999999999999999999'), { kind: 'int', value: -1 });
  assert.deepEqual(parseCliToken('alice@lab.local'), { kind: 'str', value: 'alice@lab.local' });
  assert.deepEqual(parseCliToken('usrloc:'), { kind: 'str', value: 'usrloc:' });
});
