// stats.fetch and stats.fetchn against the real Kamailio 5.6.3 lab (fixtures/capture-stats.mjs lab):
// our handlers, given the statistics and values each captured reply shows, must answer every
// selector form with the same BINRPC bytes, JSON-RPC body and XML-RPC document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statsCommands } from '../src/commands/index.js';
import { loadConfig } from '../src/config/index.js';
import { CounterRegistry } from '../src/counters/counter-registry.js';
import { RpcRegistry } from '../src/rpc/index.js';
import { KamkitServer } from '../src/server/kamkit-server.js';
import { HARNESS_CONFIG } from './config-support.js';
import { TRANSPORTS, fetchedValues, loadStatsCaptures, replay } from './stats-captures.js';

const captures = loadStatsCaptures('lab');
/** Every statistic of the lab, `group.name`, from its `stats.fetch all`. */
const LAB_STATISTICS = fetchedValues(captures.find((c) => c.name === 'stats.fetch_all')!, 'binrpc').map(([key]) => key);

/** A registry holding the lab's statistics, each reading its value from `values` (0 if absent). */
function labRegistry(values: Map<string, number>): RpcRegistry {
  const counters = new CounterRegistry();
  for (const key of LAB_STATISTICS) {
    const at = key.indexOf('.');
    counters.define({ group: key.slice(0, at), name: key.slice(at + 1), read: () => values.get(key) ?? 0 });
  }
  const registry = new RpcRegistry();
  registry.registerAll(statsCommands(counters));
  return registry;
}

test('the lab capture lists every group of the lab config', () => {
  const groups = new Set(LAB_STATISTICS.map((key) => key.slice(0, key.indexOf('.'))));
  assert.deepEqual([...groups], ['core', 'dns', 'mysql', 'registrar', 'script', 'shmem', 'sl', 'tcp', 'tmx', 'usrloc']);
  assert.equal(captures.length, 10);
});

test('our server on the lab config declares the statistics the lab has (but the SIP "tcp" group)', async () => {
  const config = await loadConfig(HARNESS_CONFIG, { defines: { LAB_CTL_UNIX: '"unix:/w/ctl"' } });
  const server = new KamkitServer({ settings: { runDir: '/w', tcpChildren: 0 }, config });
  const ours = server.counters.all().map((c) => `${c.group}.${c.name}`);
  assert.deepEqual(ours, LAB_STATISTICS.filter((key) => !key.startsWith('tcp.')));
});

for (const capture of captures) {
  for (const transport of TRANSPORTS) {
    test(`${transport} ${capture.name}: same reply as Kamailio`, async () => {
      const registry = labRegistry(new Map(fetchedValues(capture, transport)));
      assert.equal(await replay(registry, capture, transport), capture.replies[transport]);
    });
  }
}
