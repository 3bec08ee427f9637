import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { completeLine, type KnownLists } from '../src/completion/complete-line.js';
import { cfgGroups } from '../src/completion/completion-lists.js';

const lists: KnownLists = {
  commands: ['core.uptime', 'core.ps', 'core.psx', 'cfg.get', 'cfg.list', 'cnt.get', 'help', 'ps', 'psx', 'quit'],
  cfg: cfgGroups(['core: debug', 'core: dns_try_ipv6', 'core: dns_retr_time', 'lab: enabled', 'lab: greeting']),
  counterGroups: ['script', 'shmem', 'sl'],
  counterNames: new Map([['script', ['lab_requests', 'lab_register_ok']]]),
};

const at = (line: string, known: KnownLists = lists) => completeLine(line, line.length, known);

describe('completion', () => {
  test('the first word: methods, aliases and built-ins; a unique match gets a blank after it', () => {
    assert.deepEqual(at('core.up'), { kind: 'candidates', start: 0, candidates: ['core.uptime'], replacement: 'core.uptime ' });
    assert.deepEqual(at('core.p'), { kind: 'candidates', start: 0, candidates: ['core.ps', 'core.psx'], replacement: 'core.ps' });
    assert.deepEqual(at('q'), { kind: 'candidates', start: 0, candidates: ['quit'], replacement: 'quit ' });
    assert.deepEqual(at('zz'), { kind: 'candidates', start: 0, candidates: [], replacement: 'zz' });
  });

  test('help takes a command name', () => {
    assert.deepEqual(at('help core.u'), { kind: 'candidates', start: 5, candidates: ['core.uptime'], replacement: 'core.uptime ' });
  });

  test('cfg commands: group, then a variable of that group (from "group: var" strings)', () => {
    assert.deepEqual(at('cfg.get l'), { kind: 'candidates', start: 8, candidates: ['lab'], replacement: 'lab ' });
    assert.deepEqual(at('cfg.get core dns_'), { kind: 'candidates', start: 13, candidates: ['dns_retr_time', 'dns_try_ipv6'], replacement: 'dns_' });
    assert.deepEqual(at('cfg.set_now_int  lab  gr'), { kind: 'candidates', start: 22, candidates: ['greeting'], replacement: 'greeting ' });
    assert.deepEqual(at('cfg.get nosuch x'), { kind: 'candidates', start: 15, candidates: [], replacement: 'x' });
  });

  test('cnt commands: group, then counter name; grp_get_all takes only a group', () => {
    assert.deepEqual(at('cnt.get s'), { kind: 'candidates', start: 8, candidates: ['script', 'shmem', 'sl'], replacement: 's' });
    assert.deepEqual(at('cnt.get script lab_req'), { kind: 'candidates', start: 15, candidates: ['lab_requests'], replacement: 'lab_requests ' });
    assert.deepEqual(at('cnt.grp_get_all script x'), { kind: 'candidates', start: 23, candidates: [], replacement: 'x' });
  });

  test('other arguments complete nothing; completion works at the cursor, not only at the end', () => {
    assert.deepEqual(at('ul.dump br'), { kind: 'candidates', start: 8, candidates: [], replacement: 'br' });
    assert.deepEqual(completeLine('core.p tail', 6, lists), { kind: 'candidates', start: 0, candidates: ['core.ps', 'core.psx'], replacement: 'core.ps' });
  });

  test('a list not fetched yet is named instead of waited for', () => {
    const empty: KnownLists = { counterNames: new Map() };
    assert.deepEqual(at('core.u', empty), { kind: 'missing', list: { kind: 'commands' } });
    assert.deepEqual(at('cfg.get c', empty), { kind: 'missing', list: { kind: 'cfg' } });
    assert.deepEqual(at('cnt.reset ', empty), { kind: 'missing', list: { kind: 'counterGroups' } });
    assert.deepEqual(at('cnt.help tm x', empty), { kind: 'missing', list: { kind: 'counterNames', group: 'tm' } });
  });

  test('cfg.list strings split at the first colon, blanks after it skipped', () => {
    assert.deepEqual([...cfgGroups(['core: debug', 'core:  memdbg', 'odd', 'g:']).entries()], [
      ['core', ['debug', 'memdbg']],
      ['g', []],
    ]);
  });
});
