import type { RpcValue } from './rpc-value.js';

/** One entry of a container: named (struct_add) or unnamed (array_add). */
export interface RpcEntry {
  name?: string;
  value: RpcValue;
}

/**
 * Decides, per transport, whether an add into a container is taken: JSON-RPC and XML-RPC refuse
 * array_add on a struct, BINRPC refuses adds that overflow its per-struct buffer. Returning false
 * is Kamailio's -1: nothing is added and the handler decides what to do.
 */
export interface ContainerGate {
  admit(container: RpcContainer, entry: RpcEntry): boolean;
}

/**
 * A struct (`{`) or array (`[`) handle. Both kinds accept both kinds of add, as in Kamailio, because
 * handlers really do struct_add on arrays (ul.dump, dispatcher.list, core.sockets_list) and each
 * transport encodes that mix its own way.
 */
export class RpcContainer {
  readonly entries: RpcEntry[] = [];

  constructor(
    readonly kind: 'struct' | 'array',
    private readonly gate: ContainerGate,
  ) {}

  /** struct_add(h, "x", name, value). */
  structAdd(name: string, value: RpcValue): boolean {
    return this.push({ name, value });
  }

  /** struct_add(h, "ds...", name1, v1, name2, v2, ...): several members; stops at the first refused one. */
  structAddAll(members: readonly (readonly [string, RpcValue])[]): boolean {
    return members.every(([name, value]) => this.structAdd(name, value));
  }

  /** struct_add(h, "{", name, &sub): a named nested struct, or null when refused. */
  structAddStruct(name: string): RpcContainer | null {
    return this.pushContainer('struct', name);
  }

  /** struct_add(h, "[", name, &sub). */
  structAddArray(name: string): RpcContainer | null {
    return this.pushContainer('array', name);
  }

  /** struct_printf(h, name, fmt, ...): the caller formats; the member is a string. */
  structPrintf(name: string, text: string): boolean {
    return this.push({ name, value: { type: 's', value: text } });
  }

  /** array_add(h, "x", value). */
  arrayAdd(value: RpcValue): boolean {
    return this.push({ value });
  }

  /** array_add(h, "{", &sub). */
  arrayAddStruct(): RpcContainer | null {
    return this.pushContainer('struct');
  }

  /** array_add(h, "[", &sub). */
  arrayAddArray(): RpcContainer | null {
    return this.pushContainer('array');
  }

  private push(entry: RpcEntry): boolean {
    if (!this.gate.admit(this, entry)) return false;
    this.entries.push(entry);
    return true;
  }

  private pushContainer(kind: 'struct' | 'array', name?: string): RpcContainer | null {
    const child = new RpcContainer(kind, this.gate);
    const entry: RpcEntry = name === undefined ? { value: child } : { name, value: child };
    return this.push(entry) ? child : null;
  }
}
