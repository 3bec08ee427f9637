import type { RpcContext } from './rpc-context.js';

/** Export flag: JSON-RPC and XML-RPC collect every top-level value into an array. BINRPC ignores it. */
export const RET_ARRAY = 1;

export type RpcHandler = (rpc: RpcContext) => void | Promise<void>;

/** One exported method: Kamailio's rpc_export_t. */
export interface RpcExport {
  /** `group.verb`; looked up by exact, case-sensitive comparison. */
  readonly name: string;
  readonly handler: RpcHandler;
  /** doc[0], what system.methodHelp returns ("undocumented" when absent). */
  readonly help?: string;
  /** doc[1], the intended signature; no transport uses it (system.methodSignature faults). */
  readonly signature?: string;
  /** Bitmask: RET_ARRAY. */
  readonly flags?: number;
}

export class DuplicateRpcError extends Error {
  override name = 'DuplicateRpcError';
  constructor(readonly method: string) {
    super(`RPC method ${method} is already registered`);
  }
}

/** All exported methods of one server; every transport serves from the same registry. */
export class RpcRegistry {
  private readonly methods = new Map<string, RpcExport>();
  private sorted: string[] | undefined;

  /** Registers one method; false if the name exists (the first registration wins, as in Kamailio). */
  register(method: RpcExport): boolean {
    if (this.methods.has(method.name)) return false;
    this.methods.set(method.name, method);
    this.sorted = undefined;
    return true;
  }

  /** Registers a module's exports; a duplicate name is a start-up error. */
  registerAll(methods: readonly RpcExport[]): void {
    for (const method of methods) {
      if (!this.register(method)) throw new DuplicateRpcError(method.name);
    }
  }

  get(name: string): RpcExport | undefined {
    return this.methods.get(name);
  }

  /** Method names in strcmp order (byte order of the UTF-8 text), as system.listMethods gives them. */
  names(): readonly string[] {
    this.sorted ??= [...this.methods.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    return this.sorted;
  }

  isRetArray(name: string): boolean {
    return ((this.methods.get(name)?.flags ?? 0) & RET_ARRAY) !== 0;
  }
}
