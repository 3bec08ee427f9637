import type { RpcStructParam, ScanStep } from './scan-format.js';

export interface RpcFaultInfo {
  code: number;
  message: string;
}

export type ParamRead =
  | { ok: true; value: number | string | RpcStructParam }
  | {
      ok: false;
      /** No parameter left: not a failure after `*`. */
      end: boolean;
      /**
       * The fault the transport keeps for later (BINRPC's `error at parameter N...`, XML-RPC's
       * `Invalid Parameter Type`); what happens to it is the driver's `storedFault` policy.
       */
      stored?: RpcFaultInfo;
      /** A fault raised at once, as if the handler called fault() (JSON `{` → 400, BINRPC `{` → 500). */
      raise?: RpcFaultInfo;
    };

/**
 * The positional parameters of one request, typed the way one transport types them (§2.7 BINRPC,
 * §4.4 JSON-RPC, §5.2 XML-RPC). A failed read does not advance, so a handler may retry the same
 * parameter with another type (cfg.set tries `d`, then `s`).
 */
export interface ParamSource {
  read(step: ScanStep): ParamRead;
  /** Parameters not read yet. */
  readonly remaining: number;
}

/** A request without parameters. */
export const NO_PARAMS: ParamSource = {
  read: () => ({ ok: false, end: true }),
  remaining: 0,
};
