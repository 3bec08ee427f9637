import type { CounterRegistry } from '../counters/counter-registry.js';
import type { MemoryReport } from '../server/memory-report.js';

/** The replies-by-class and per-method suffixes Kamailio's core counts. */
const REPLY_METHODS = ['bye', 'cancel', 'invite', 'message', 'prack', 'refer', 'reg', 'update'];
const REQUEST_METHODS = ['ack', 'bye', 'cancel', 'info', 'invite', 'message', 'notify', 'options', 'prack', 'publish', 'refer', 'register', 'subscribe', 'update'];

/** The names of the `core` statistics group of Kamailio 5.6. */
export function coreStatisticNames(): string[] {
  const names = [
    'bad_URIs_rcvd',
    'bad_msg_hdr',
    'drop_replies',
    'drop_requests',
    'err_replies',
    'err_requests',
    'fwd_replies',
    'fwd_requests',
    'rcv_replies',
    'rcv_replies_18x',
    'rcv_replies_401',
    'rcv_replies_404',
    'rcv_replies_407',
    'rcv_replies_480',
    'rcv_replies_486',
    'rcv_requests',
    'unsupported_methods',
  ];
  for (const cls of ['1xx', '2xx', '3xx', '4xx', '5xx', '6xx']) {
    names.push(`rcv_replies_${cls}`, ...REPLY_METHODS.map((m) => `rcv_replies_${cls}_${m}`));
  }
  names.push(...REQUEST_METHODS.map((m) => `rcv_requests_${m}`));
  return names;
}

/** Declares the statistics every server has: core, dns and shmem (the latter from our own memory). */
export function defineCoreStatistics(counters: CounterRegistry, memory: MemoryReport): void {
  for (const name of coreStatisticNames()) counters.define({ group: 'core', name });
  for (const name of ['failed_dns_request', 'slow_dns_request']) counters.define({ group: 'dns', name });
  const shmem: [string, () => number][] = [
    ['fragments', () => memory.read().fragments],
    ['free_size', () => memory.read().free],
    ['max_used_size', () => memory.read().maxUsed],
    ['real_used_size', () => memory.read().realUsed],
    ['total_size', () => memory.read().total],
    ['used_size', () => memory.read().used],
  ];
  for (const [name, read] of shmem) counters.define({ group: 'shmem', name, read });
}
