import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  findKamcmdAlias,
  formatKamcmdHelp,
  formatKamcmdHelpIndex,
  formatKamcmdReply,
  KAMCMD_ALIASES,
  KAMCMD_BUILTINS,
} from '../src/printers/index.js';

describe('kamcmd aliases (protocol notes §3.5)', () => {
  test('the table, in kamcmd order', () => {
    assert.deepEqual(Object.keys(KAMCMD_ALIASES), [
      'ps', 'psx', 'list', 'ls', 'ver', 'version', 'who', 'listen', 'dns_mem_info', 'dns_debug',
      'dns_debug_all', 'dst_blacklist_mem_info', 'dst_blacklist_debug',
    ]);
    assert.deepEqual(findKamcmdAlias('ps'), { method: 'core.ps', format: '%v\t%v\n' });
    assert.deepEqual(findKamcmdAlias('ls'), { method: 'system.listMethods' });
    assert.equal(findKamcmdAlias('version')?.method, 'core.version');
    assert.equal(
      findKamcmdAlias('dns_debug_all')?.format,
      '%v (%v) [%v]: size=%v ref=%v expire=%vs last=%vs ago f=%v\n\t\t%v:%v expire=%vs f=%v\n',
    );
    assert.ok(Object.isFrozen(KAMCMD_ALIASES));
  });

  test('words that are not aliases, including Object.prototype names', () => {
    for (const word of ['core.ps', 'help', 'history', 'constructor', 'toString', '__proto__']) {
      assert.equal(findKamcmdAlias(word), undefined, word);
    }
  });

  test('an alias format prints a reply like -f does (ps on a core.ps reply)', () => {
    const reply = [
      { type: 'int', value: 3059 },
      { type: 'str', value: 'main process - attendant' },
      { type: 'int', value: 3062 },
      { type: 'str', value: 'udp receiver child=0 sock=127.0.0.1:5060' },
    ] as const;
    assert.equal(
      formatKamcmdReply([...reply], findKamcmdAlias('ps')?.format),
      '3059\tmain process - attendant\n3062\tudp receiver child=0 sock=127.0.0.1:5060\n',
    );
  });

  test('help <word>: aliases with their format shown escaped, built-ins with their doc', () => {
    assert.equal(formatKamcmdHelp('ps'), 'ps is an alias for core.ps with reply formatting: "%v\\t%v\\n"\n');
    assert.equal(formatKamcmdHelp('ls'), 'ls is an alias for system.listMethods\n');
    // The alias wins over the built-in of the same name.
    assert.equal(formatKamcmdHelp('version'), 'version is an alias for core.version\n');
    assert.equal(formatKamcmdHelp('quit'), 'builtin command: exits kamcmd\n');
    assert.equal(formatKamcmdHelp('?'), 'builtin command: help\n');
    assert.equal(formatKamcmdHelp('core.uptime'), undefined);
    assert.equal(formatKamcmdHelp('constructor'), undefined);
  });

  test('help: methods (STR records only), then aliases, then built-ins', () => {
    const text = formatKamcmdHelpIndex([
      { type: 'str', value: 'core.uptime' },
      { type: 'int', value: 1 },
      { type: 'str', value: 'core.version' },
    ]);
    const lines = text.split('\n');
    assert.deepEqual(lines.slice(0, 3), ['core.uptime', 'core.version', 'alias: ps']);
    assert.deepEqual(lines.slice(-9), [
      'alias: dst_blacklist_debug', 'builtin: ?', 'builtin: help', 'builtin: version', 'builtin: quit',
      'builtin: exit', 'builtin: warranty', 'builtin: license', '',
    ]);
    assert.equal(Object.keys(KAMCMD_BUILTINS).length, 7);
  });
});
