import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  RpcContext,
  RpcRegistry,
  RET_ARRAY,
  rpcInt,
  rpcStr,
  type ParamSource,
  type ReplyDriver,
  type RpcOutcome,
  type ScanStep,
} from '../src/rpc/index.js';

function driver(overrides: Partial<ReplyDriver> = {}): ReplyDriver & { sent: RpcOutcome[] } {
  const sent: RpcOutcome[] = [];
  return {
    transport: 'jsonrpc',
    faultTiming: 'at-send',
    storedFault: 'no-data',
    resetStoredFaultOnScan: false,
    capabilities: 0,
    canDelay: () => false,
    admit: () => true,
    admitTop: () => null,
    send: (outcome) => sent.push(outcome),
    sent,
    ...overrides,
  };
}

/** Params typed loosely: numbers for numeric chars, strings for s/S; everything else fails. */
function params(values: (number | string)[]): ParamSource {
  let index = 0;
  return {
    get remaining() {
      return values.length - index;
    },
    read(step: ScanStep) {
      const value = values[index];
      if (value === undefined) return { ok: false, end: true, stored: step.optional ? undefined : { code: 400, message: `missing ${index}` } };
      const wantString = step.char === 's' || step.char === 'S';
      if (wantString !== (typeof value === 'string')) return { ok: false, end: false, stored: { code: 400, message: `type ${index}` } };
      index++;
      return { ok: true, value };
    },
  };
}

test('scan: typed tuple, optional tail, no advance on mismatch', () => {
  const rpc = new RpcContext(driver(), params(['core', 'debug', 3]));
  const first = rpc.scan('SS*d');
  assert.deepEqual(first, { ok: true, count: 3, values: ['core', 'debug', 3] });
  const rest = rpc.scan('*d');
  assert.deepEqual(rest, { ok: true, count: 0, values: [] });

  const retry = new RpcContext(driver(), params(['x']));
  assert.deepEqual(retry.scan('d'), { ok: false, count: 0, values: [] });
  assert.deepEqual(retry.scan('s'), { ok: true, count: 1, values: ['x'] });
});

test('fault timing: immediate (first wins, later adds dropped) versus at-send (last wins)', () => {
  const binrpc = driver({ faultTiming: 'immediate' });
  const a = new RpcContext(binrpc);
  a.add(rpcInt(1));
  a.fault(500, 'first');
  a.fault(400, 'second');
  assert.equal(a.add(rpcInt(2)), false);
  a.finish();
  assert.deepEqual(binrpc.sent, [{ kind: 'fault', code: 500, message: 'first', values: [{ type: 'd', value: 1 }] }]);

  const json = driver();
  const b = new RpcContext(json);
  b.fault(500, 'first');
  b.add(rpcStr('x'));
  b.fault(400, 'second');
  b.finish();
  assert.deepEqual(json.sent, [{ kind: 'fault', code: 400, message: 'second', values: [{ type: 's', value: 'x' }] }]);
});

test('stored scan fault: sent only without data for no-data drivers, always for the others', () => {
  const noData = driver();
  const c = new RpcContext(noData, params([]));
  c.scan('s');
  c.finish();
  assert.deepEqual(noData.sent, [{ kind: 'fault', code: 400, message: 'missing 0', values: [] }]);

  const withData = driver();
  const d = new RpcContext(withData, params([]));
  d.add(rpcStr('echoed'));
  d.scan('s');
  d.finish();
  assert.equal(withData.sent[0]?.kind, 'result');

  const always = driver({ storedFault: 'always', resetStoredFaultOnScan: true });
  const e = new RpcContext(always, params([1]));
  e.scan('s');
  e.add(rpcStr('x'));
  e.finish();
  assert.deepEqual(always.sent, [{ kind: 'fault', code: 400, message: 'type 0', values: [{ type: 's', value: 'x' }] }]);
});

test('send() replies once; delayedReply needs the driver to allow it', () => {
  const out = driver();
  const rpc = new RpcContext(out);
  rpc.send();
  rpc.add(rpcInt(1));
  rpc.finish();
  assert.deepEqual(out.sent, [{ kind: 'result', values: [] }]);
  assert.equal(new RpcContext(driver()).delayedReply(), null);

  const later = driver({ canDelay: () => true });
  const ctx = new RpcContext(later);
  const delayed = ctx.delayedReply();
  assert.ok(delayed);
  ctx.finish();
  assert.equal(later.sent.length, 0);
  delayed.rpc.add(rpcInt(7));
  delayed.close();
  assert.deepEqual(later.sent, [{ kind: 'result', values: [{ type: 'd', value: 7 }] }]);
});

test('containers: refused adds return false or null', () => {
  const refuseArrayAddOnStruct = driver({ admit: (container, entry) => container.kind === 'array' || entry.name !== undefined });
  const rpc = new RpcContext(refuseArrayAddOnStruct);
  const s = rpc.addStruct();
  assert.equal(s.arrayAdd(rpcInt(1)), false);
  assert.equal(s.arrayAddStruct(), null);
  const list = s.structAddArray('list');
  assert.ok(list);
  assert.equal(list.arrayAdd(rpcInt(2)), true);
  assert.deepEqual(s.entries.map((e) => e.name), ['list']);
});

test('registry: first registration wins, strcmp order, RET_ARRAY', () => {
  const registry = new RpcRegistry();
  const handler = () => {};
  assert.equal(registry.register({ name: 'cfg.commit', handler }), true);
  assert.equal(registry.register({ name: 'cfg.add_group_inst', handler }), true);
  assert.equal(registry.register({ name: 'Zed.x', handler }), true);
  assert.equal(registry.register({ name: 'cfg.commit', handler, flags: RET_ARRAY }), false);
  assert.deepEqual(registry.names(), ['Zed.x', 'cfg.add_group_inst', 'cfg.commit']);
  assert.equal(registry.isRetArray('cfg.commit'), false);
  assert.throws(() => registry.registerAll([{ name: 'Zed.x', handler }]), /already registered/);
});
