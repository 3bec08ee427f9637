import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { render } from 'ink-testing-library';

import { MonitorDashboard } from '../src/monitor/monitor-dashboard.js';
import { advance, memory, sparkline } from '../src/monitor/monitor-rates.js';
import { takeSample, type MonitorSample } from '../src/monitor/monitor-sample.js';

const sample = (at: number, stats: Record<string, number>): MonitorSample => ({
  at,
  uptime: 3725,
  version: 'kamailio 5.6.3 (x86_64/linux) ',
  processes: [{ pid: 11007, description: 'main process - attendant' }, { pid: 11009, description: 'udp receiver child=0' }],
  stats,
});

describe('kamctl monitor', () => {
  test('rates are deltas per second between samples; a counter reset counts from zero', () => {
    let state = advance(undefined, sample(0, { 'tmx:UAS_transactions': 100, 'registrar:accepted_regs': 10 }));
    assert.deepEqual(state.history, {});
    state = advance(state, sample(2000, { 'tmx:UAS_transactions': 140, 'registrar:accepted_regs': 10 }));
    assert.equal(state.history['tmx:UAS_transactions']?.[0], 20);
    assert.equal(state.history['registrar:accepted_regs']?.[0], 0);
    state = advance(state, sample(3000, { 'tmx:UAS_transactions': 5, 'registrar:accepted_regs': 13 }));
    assert.deepEqual(state.history['tmx:UAS_transactions'], [20, 5]);
    assert.deepEqual(state.history['registrar:accepted_regs'], [0, 3]);
  });

  test('sparklines scale to their maximum', () => {
    assert.equal(sparkline([0, 1, 2, 4, 8]), '▁▂▃▅█');
    assert.equal(sparkline([0, 0]), '▁▁');
    assert.equal(sparkline([]), '');
  });

  test('a sample is taken from core.uptime, core.version, core.psx and the statistics groups', async () => {
    const calls: string[] = [];
    const s = await takeSample(async (method, ...params) => {
      calls.push([method, ...params].join(' '));
      if (method === 'core.uptime') return { uptime: 42 };
      if (method === 'core.version') return 'kamailio 5.6.3 ';
      if (method === 'core.psx') return [{ IDX: 0, PID: 7, DSC: 'main' }];
      return params[0] === 'shmem:' ? ['shmem:total_size = 268435456', 'shmem:real_used_size = 67108864'] : [];
    }, () => 1000);
    assert.deepEqual(calls.sort(), ['core.psx', 'core.uptime', 'core.version', 'stats.get_statistics core:', 'stats.get_statistics registrar:', 'stats.get_statistics shmem:', 'stats.get_statistics sl:', 'stats.get_statistics tmx:']);
    assert.deepEqual([s.uptime, s.processes], [42, [{ pid: 7, description: 'main' }]]);
    assert.deepEqual(memory(s), { used: 67108864, total: 268435456 });
  });

  test('the Ink dashboard shows uptime, rates with sparklines, memory and processes', () => {
    let state = advance(undefined, sample(0, { 'tmx:UAS_transactions': 0, 'shmem:total_size': 268435456, 'shmem:real_used_size': 67108864 }));
    state = advance(state, sample(1000, { 'tmx:UAS_transactions': 12, 'shmem:total_size': 268435456, 'shmem:real_used_size': 67108864 }));
    const { lastFrame, unmount } = render(<MonitorDashboard state={state} target="unix:/run/kamailio/kamailio_ctl" intervalSeconds={2} />);
    const frame = lastFrame() ?? '';
    unmount();
    assert.match(frame, /kamailio 5\.6\.3 \(x86_64\/linux\) — up 0d 1h 2m 5s — unix:\/run\/kamailio\/kamailio_ctl — every 2s/);
    assert.match(frame, /UAS transactions\s+12\.0\/s █/);
    assert.match(frame, /shared: 64\.0 MiB used of 256\.0 MiB \(25\.0%\)/);
    assert.match(frame, /11009 udp receiver child=0/);
  });
});
