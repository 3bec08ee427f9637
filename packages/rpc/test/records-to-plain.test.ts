import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BinrpcValue } from '@kamkit/binrpc';
import { plainToRecords, recordsToPlain } from '../src/index.js';

const str = (value: string): BinrpcValue => ({ type: 'str', value });
const int = (value: number): BinrpcValue => ({ type: 'int', value });
const struct = (...members: [string | undefined, BinrpcValue][]): BinrpcValue => ({
  type: 'struct',
  members: members.map(([name, value]) => (name === undefined ? { value } : { name, value })),
});

test('structs are objects; repeated names and unnamed members make arrays', () => {
  assert.deepEqual(recordsToPlain([struct(['a', int(1)], ['b', str('x')])]), { a: 1, b: 'x' });
  assert.deepEqual(recordsToPlain([struct(['SET', int(1)], ['SET', int(2)])]), [{ SET: 1 }, { SET: 2 }]);
  assert.deepEqual(recordsToPlain([struct([undefined, int(1)], [undefined, int(-2)])]), [1, -2]);
});

test('known array members stay arrays with one element, as JSON-RPC shows them', () => {
  const dump = struct(['Domains', struct(['Domain', struct(['AoRs', struct(['Info', struct(['AoR', str('a@b')])])])])]);
  assert.deepEqual(recordsToPlain([dump]), { Domains: [{ Domain: { AoRs: [{ Info: { AoR: 'a@b' } }] } }] });
});

test('top level: none is {}, one is itself, several an array, RET_ARRAY always an array', () => {
  assert.deepEqual(recordsToPlain([]), {});
  assert.equal(recordsToPlain([str('x')]), 'x');
  assert.deepEqual(recordsToPlain([str('x'), int(2)]), ['x', 2]);
  assert.deepEqual(recordsToPlain([str('x')], true), ['x']);
  assert.deepEqual(recordsToPlain([], true), []);
});

test("Kamailio's NULL string is null", () => {
  assert.deepEqual(recordsToPlain([struct(['DUID', str('<null string>')])]), { DUID: null });
});

test('a member named __proto__ is plain data', () => {
  const value = recordsToPlain([struct(['__proto__', struct(['polluted', int(1)])])]) as Record<string, unknown>;
  assert.equal(Object.getPrototypeOf(value), Object.prototype);
  assert.deepEqual(Object.keys(value), ['__proto__']);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('plainToRecords turns JSON-RPC results back into kamcmd-printable records', () => {
  assert.deepEqual(plainToRecords({}), []);
  assert.deepEqual(plainToRecords(['a', 'b']), [str('a'), str('b')]);
  assert.deepEqual(plainToRecords({ RECORDS: [{ SET: 1 }, { SET: 2 }], x: null }), [
    struct(['RECORDS', struct(['SET', int(1)], ['SET', int(2)])], ['x', str('<null string>')]),
  ]);
});
