import { NO_PARAMS, type ParamSource, type RpcFaultInfo } from './param-source.js';
import { RpcContainer, type ContainerGate } from './rpc-container.js';
import { parseScanFormat, type ScanResult } from './scan-format.js';
import type { RpcValue } from './rpc-value.js';

/** `capabilities()` bit: the transport can answer later through delayedReply(). */
export const RPC_DELAYED_REPLY = 1;

export type RpcTransportName = 'binrpc' | 'jsonrpc' | 'xmlrpc';

/**
 * What a finished request sends: every top-level value in order, or one fault. A fault keeps the
 * values added before it because XML-RPC sends them instead when the code is below 300.
 */
export type RpcOutcome = { kind: 'result'; values: RpcValue[] } | ({ kind: 'fault'; values: RpcValue[] } & RpcFaultInfo);

/**
 * The per-transport half of Kamailio's rpc_t: how faults, stored scan faults, size limits and
 * delayed replies behave, and where the finished reply goes. Encoding happens in `send`.
 */
export interface ReplyDriver extends ContainerGate {
  readonly transport: RpcTransportName;
  /** BINRPC sends a fault at once (first wins); JSON-RPC and XML-RPC keep the last one until send. */
  readonly faultTiming: 'immediate' | 'at-send';
  /**
   * When a stored scan fault is sent: BINRPC only if the handler added nothing and raised nothing
   * ('no-data'); XML-RPC whenever the handler raised nothing ('always'); JSON-RPC never stores one.
   */
  readonly storedFault: 'no-data' | 'always';
  /** XML-RPC forgets the stored fault at every new scan call; BINRPC keeps the last one. */
  readonly resetStoredFaultOnScan: boolean;
  /** The capabilities bitmask (BINRPC: 0, Kamailio's NULL capabilities pointer). */
  readonly capabilities: number;
  /** Whether a delayed reply can be made for this request (JSON-RPC: HTTP with an id only). */
  canDelay(): boolean;
  /** A top-level add that does not fit: the fault to raise instead (BINRPC's buffer overflow), or null. */
  admitTop(value: RpcValue, char: string): RpcFaultInfo | null;
  /** Sends the reply; called exactly once per request (or per delayed reply). */
  send(outcome: RpcOutcome): void;
}

/** Facts about the request's origin that a few handlers need (ctl.who, ctl.connections). */
export interface RpcOrigin {
  /** e.g. `unix_stream`, `tcp`, `udp`, `unix_dgram`, `http`, `fifo`. */
  readonly channel: string;
}

/**
 * What a handler gets: Kamailio's `rpc_t` bound to one request's `ctx`. Reply building, parameter
 * scanning, faults, early send and delayed replies. Encoding is left to the driver.
 */
export class RpcContext {
  private readonly values: RpcValue[] = [];
  private ownFault: RpcFaultInfo | undefined;
  private storedScanFault: RpcFaultInfo | undefined;
  private replied = false;
  private delayed = false;

  constructor(
    private readonly driver: ReplyDriver,
    private readonly params: ParamSource = NO_PARAMS,
    readonly origin: RpcOrigin = { channel: driver.transport },
  ) {}

  get transport(): RpcTransportName {
    return this.driver.transport;
  }

  /** add(ctx, "d...", ...): appends top-level values; false when refused (the driver raised a fault). */
  add(...values: RpcValue[]): boolean {
    for (const value of values) {
      if (this.closedForData()) return false;
      const char = 'kind' in value ? (value.kind === 'struct' ? '{' : '[') : value.type;
      const overflow = this.driver.admitTop(value, char);
      if (overflow) {
        this.fault(overflow.code, overflow.message);
        return false;
      }
      this.values.push(value);
    }
    return true;
  }

  /** add(ctx, "{", &h). Returns a handle even after a fault (adds to it then go nowhere), like Kamailio. */
  addStruct(): RpcContainer {
    const handle = new RpcContainer('struct', this.driver);
    this.add(handle);
    return handle;
  }

  /** add(ctx, "[", &h). */
  addArray(): RpcContainer {
    const handle = new RpcContainer('array', this.driver);
    this.add(handle);
    return handle;
  }

  /** rpl_printf(ctx, fmt, ...): the caller formats; one top-level string. */
  printf(text: string): boolean {
    return this.add({ type: 's', value: text });
  }

  /**
   * scan(ctx, fmt, ...): reads the next parameters. `*` makes the rest optional, `.` converts the
   * next one. See ScanResult for how Kamailio's return count maps.
   */
  scan<F extends string>(format: F): ScanResult<F> {
    const parsed = parseScanFormat(format);
    const values: unknown[] = [];
    if ('invalid' in parsed) {
      this.fault(500, this.invalidScanCharMessage(parsed.invalid));
      return { ok: false, count: 0, values: [] } as ScanResult<F>;
    }
    if (this.driver.resetStoredFaultOnScan) this.storedScanFault = undefined;
    for (const step of parsed.steps) {
      const read = this.params.read(step);
      if (read.ok) {
        values.push(read.value);
        continue;
      }
      if (read.raise) this.fault(read.raise.code, read.raise.message);
      if (read.stored) this.storedScanFault = read.stored;
      // After `*` a failed parameter ends the scan like running out does (observed over BINRPC:
      // `cnt.get dns 1.5` lists the group); the transport may still have stored a fault.
      return { ok: step.optional, count: values.length, values } as ScanResult<F>;
    }
    return { ok: true, count: values.length, values } as ScanResult<F>;
  }

  /** Parameters not scanned yet. */
  get remainingParams(): number {
    return this.params.remaining;
  }

  /** fault(ctx, code, fmt, ...): see ReplyDriver.faultTiming for when it is sent. */
  fault(code: number, message: string): void {
    if (this.replied) return;
    this.ownFault = { code, message };
    if (this.driver.faultTiming === 'immediate') this.sendNow();
  }

  /**
   * send(ctx): replies now with what was added (a stored scan fault is not sent: Kamailio only uses
   * it when the handler returns without replying); later adds and faults are ignored.
   */
  send(): void {
    if (!this.replied) this.sendNow(false);
  }

  /** capabilities(ctx). */
  capabilities(): number {
    return this.driver.capabilities;
  }

  /**
   * delayed_ctx_new(ctx): detaches the reply from this request. Returns null when the transport
   * cannot (BINRPC, JSON-RPC FIFO/datagram or without id). The returned context builds and,
   * on close(), sends the reply; this one then sends nothing when the handler returns.
   */
  delayedReply(): DelayedReply | null {
    if (this.replied || this.delayed || !this.driver.canDelay()) return null;
    this.delayed = true;
    return new DelayedReply(new RpcContext(this.driver, NO_PARAMS, this.origin));
  }

  /** Called by the transport when the handler has returned. */
  finish(): void {
    if (this.replied || this.delayed) return;
    this.sendNow();
  }

  /** True once the reply went out (fault, send(), or finish()). */
  get isReplied(): boolean {
    return this.replied;
  }

  private closedForData(): boolean {
    return this.replied || (this.ownFault !== undefined && this.driver.faultTiming === 'immediate');
  }

  private sendNow(withStoredFault = true): void {
    this.replied = true;
    this.driver.send(this.outcome(withStoredFault));
  }

  private outcome(withStoredFault: boolean): RpcOutcome {
    if (this.ownFault) return { kind: 'fault', ...this.ownFault, values: this.values };
    const stored = withStoredFault ? this.storedScanFault : undefined;
    if (stored && (this.driver.storedFault === 'always' || this.values.length === 0)) {
      return { kind: 'fault', ...stored, values: this.values };
    }
    return { kind: 'result', values: this.values };
  }

  private invalidScanCharMessage(char: string): string {
    switch (this.driver.transport) {
      case 'binrpc':
        return `internal server error, invalid format char '${char}'`;
      case 'jsonrpc':
        return 'Internal Server Error (inval formatting str)';
      case 'xmlrpc':
        return 'Invalid Parameter Type';
    }
  }
}

/** A reply sent later (Kamailio's delayed context): build it with `rpc`, then close(). */
export class DelayedReply {
  constructor(readonly rpc: RpcContext) {}

  /** delayed_ctx_close(dctx): sends what was built. */
  close(): void {
    this.rpc.finish();
  }
}
