import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { historyFile, historySize } from '../src/history/history-location.js';
import { HistoryStore } from '../src/history/history-store.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kamcmd-history-'));
let files = 0;
const freshFile = () => path.join(dir, `history-${files++}`);

describe('history', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('kept in a file (mode 0600) that a new session reads back', () => {
    const file = freshFile();
    const first = new HistoryStore(file, 100);
    first.add('core.uptime');
    first.add('  cfg.get core debug  ');
    assert.equal(readFileSync(file, 'utf8'), 'core.uptime\ncfg.get core debug\n');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(new HistoryStore(file, 100).entries, ['core.uptime', 'cfg.get core debug']);
  });

  test('deduplicated: running a command again moves it to the end; blank lines are not kept', () => {
    const store = new HistoryStore(freshFile(), 100);
    for (const line of ['a', 'b', 'a', '   ', 'c', 'b']) store.add(line);
    assert.deepEqual(store.entries, ['a', 'c', 'b']);
  });

  test('size-limited: the oldest entries go first, in memory and on disk', () => {
    const file = freshFile();
    const store = new HistoryStore(file, 3);
    for (const line of ['1', '2', '3', '4', '5']) store.add(line);
    assert.deepEqual(store.entries, ['3', '4', '5']);
    writeFileSync(file, '1\n2\n3\n4\n5\n6\n');
    assert.deepEqual(new HistoryStore(file, 3).entries, ['4', '5', '6']);
  });

  test('two shells at once: each write merges what the other saved', () => {
    const file = freshFile();
    const one = new HistoryStore(file, 100);
    const two = new HistoryStore(file, 100);
    one.add('from one');
    two.add('from two');
    one.add('again one');
    assert.deepEqual(new HistoryStore(file, 100).entries, ['from one', 'from two', 'again one']);
  });

  test('an unwritable file: commands are kept in memory and the error is returned, not thrown', () => {
    const store = new HistoryStore(path.join(dir, 'no', 'such', 'dir', 'history'), 100);
    const error = store.add('core.uptime');
    assert.match(String(error?.message), /ENOENT/);
    assert.deepEqual(store.entries, ['core.uptime']);
    store.add('core.version');
    assert.deepEqual(store.entries, ['core.uptime', 'core.version']);
  });

  test('reverse search finds the newest entry containing the text, then older ones', () => {
    const store = new HistoryStore(undefined, 100);
    for (const line of ['cfg.get core debug', 'core.uptime', 'cfg.list', 'ul.dump']) store.add(line);
    assert.equal(store.searchBackward('cfg'), 2);
    assert.equal(store.searchBackward('cfg', 1), 0);
    assert.equal(store.searchBackward('cfg', -1), -1);
    assert.equal(store.searchBackward('nothing'), -1);
  });

  test('location and size from the environment', () => {
    assert.equal(historyFile({ HOME: '/home/op' }), '/home/op/.kamcmd_history');
    assert.equal(historyFile({ HOME: '/home/op', KAMCMD_HISTORY: '/var/tmp/h' }), '/var/tmp/h');
    assert.equal(historySize({}), 1000);
    assert.equal(historySize({ KAMCMD_HISTSIZE: '50' }), 50);
    assert.equal(historySize({ KAMCMD_HISTSIZE: 'lots' }), 1000);
  });
});
