import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { createClient, type RpcClient } from '@kamkit/rpc';
import { render } from 'ink-testing-library';

import { MonitorDashboard } from '../src/monitor/monitor-dashboard.js';
import { advance, memory, sparkline, type MonitorState } from '../src/monitor/monitor-rates.js';
import { takeSample, type Call, type MonitorSample } from '../src/monitor/monitor-sample.js';
import { startCompanionServer, type CompanionServer } from './support/companion-server.js';
import { runKamctl } from './support/run-kamctl.js';

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
});

/** A server with the statistics the dashboard reads: tm (tmx), sl, registrar, core, shmem. */
const SCRIPT = `
children=2
loadmodule "ctl.so"
loadmodule "sl.so"
loadmodule "tm.so"
loadmodule "tmx.so"
loadmodule "usrloc.so"
loadmodule "registrar.so"
request_route { drop; }
`;

describe('kamctl monitor on samples from our companion server', () => {
  let companion: CompanionServer;
  let client: RpcClient;
  before(async () => {
    companion = await startCompanionServer(SCRIPT);
    client = createClient(companion.target);
  });
  after(async () => {
    await client.close();
    await companion.stop();
  });
  /** What the SIP side counts when requests arrive; the companion has none yet, so the test counts. */
  const count = (group: string, name: string, n: number) => {
    const counter = companion.server.counters.get(group, name);
    assert.ok(counter, `the server has no statistic ${group}:${name}`);
    counter.add(n);
  };

  test('the Ink frames: uptime, processes, tm/sl/registrar rates as deltas between samples, memory, sparklines', async () => {
    const call: Call = async (method, ...params) => (await client.call(method, ...params)).result;
    // Samples are taken from the server over BINRPC; only their clock is the test's, two seconds apart.
    let clock = 0;
    const view = (state: MonitorState) => <MonitorDashboard state={state} target={companion.target} intervalSeconds={2} />;
    let state = advance(undefined, await takeSample(call, () => clock));
    const { lastFrame, rerender, unmount } = render(view(state));
    try {
      const first = lastFrame() ?? '';
      assert.match(first, /^accepted REGISTERs +-$/m, 'one sample: no rate yet');

      count('tmx', 'UAS_transactions', 10);
      count('sl', 'sent_replies', 4);
      count('registrar', 'accepted_regs', 6);
      clock = 2000;
      state = advance(state, await takeSample(call, () => clock));
      rerender(view(state));
      const second = lastFrame() ?? '';
      assert.match(second, /^UAS transactions +5\.0\/s █$/m);
      assert.match(second, /^replies sent +2\.0\/s █$/m);
      assert.match(second, /^accepted REGISTERs +3\.0\/s █$/m);
      assert.match(second, /^rejected REGISTERs +0\.0\/s ▁$/m);

      count('registrar', 'accepted_regs', 2);
      clock = 4000;
      state = advance(state, await takeSample(call, () => clock));
      rerender(view(state));
      const third = lastFrame() ?? '';
      // The sparklines keep the history: 3/s then 1/s, 5/s then nothing.
      assert.match(third, /^accepted REGISTERs +1\.0\/s █▃$/m);
      assert.match(third, /^UAS transactions +0\.0\/s █▁$/m);
      assert.match(third, /^replies sent +0\.0\/s █▁$/m);
      assert.match(third, /^tm$/m);
      assert.match(third, /^sl$/m);
      assert.match(third, /^registrar$/m);

      // Uptime, version and target as the server reported them (Ink wraps the line at 100 columns).
      const headerLines = third.split('\n\n')[0]!.replace(/\n/g, ' ');
      const header = /^(kamailio 5\.6\.3 .*?) — up (\d+)d (\d+)h (\d+)m (\d+)s — (\S+) — every 2s \(q to quit\)$/.exec(headerLines);
      assert.ok(header, third);
      const [, version, d, h, m, sec, target] = header;
      assert.equal(version, state.latest.version.trim());
      assert.equal(Number(d) * 86400 + Number(h) * 3600 + Number(m) * 60 + Number(sec), state.latest.uptime);
      assert.equal(target, companion.target);

      // Every process of the server's core.psx, with its pid.
      const psx = (await client.call('core.psx')).result as { PID: number; DSC: string }[];
      assert.ok(psx.length >= 5, 'main, three timers, ctl handler');
      assert.match(third, new RegExp(`^processes \\(${psx.length}\\)$`, 'm'));
      for (const p of psx) assert.match(third, new RegExp(`^ *${p.PID} ${p.DSC.replace(/[()[\]=.*+?]/g, '\\$&')}$`, 'm'));

      // Memory: the shmem statistics of the last sample.
      const used = Number(state.latest.stats['shmem:real_used_size']);
      const total = Number(state.latest.stats['shmem:total_size']);
      assert.ok(used > 0 && total > used);
      assert.deepEqual(memory(state.latest), { used, total });
      const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
      assert.match(third, new RegExp(`^shared: ${mib(used)} MiB used of ${mib(total)} MiB \\(${((used / total) * 100).toFixed(1)}%\\)$`, 'm'));
    } finally {
      unmount();
    }
  });

  test('kamctl monitor --json: one document per sample, rates from the second one', async () => {
    const r = await runKamctl(['monitor', '--json', '--count', '2', '--interval', '1'], { KAMCTL_RPC: companion.target });
    assert.equal(r.code, 0, r.stderr);
    const docs = r.stdout.trim().split(/\n(?=\{)/).map((d) => JSON.parse(d) as { sample: MonitorSample; rates: Record<string, number | null> });
    assert.equal(docs.length, 2);
    assert.deepEqual(docs[0]!.rates, {});
    assert.equal(docs[1]!.rates['registrar:accepted_regs'], 0);
    assert.deepEqual(docs[1]!.sample.processes.map((p) => p.pid), ((await client.call('core.psx')).result as { PID: number }[]).map((p) => p.PID));
  });
});
