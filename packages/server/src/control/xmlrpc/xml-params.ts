import type { ParamRead, ParamSource, RpcFaultInfo } from '../../rpc/param-source.js';
import type { RpcStructParam, ScanChar, ScanCharValue, ScanStep } from '../../rpc/scan-format.js';
import { toInt32 } from '../c-casts.js';
import type { XmlElement } from './xml-document.js';

const INVALID_TYPE: RpcFaultInfo = { code: 400, message: 'Invalid Parameter Type' };
const INVALID_VALUE: RpcFaultInfo = { code: 400, message: 'Invalid Value' };
const EMPTY_VALUE: RpcFaultInfo = { code: 400, message: 'Empty Parameter Value' };
const EMPTY_DOUBLE: RpcFaultInfo = { code: 400, message: 'Empty Double Parameter' };

/** `YYYYMMDDTHH:MM:SS` (UTC) → epoch seconds. */
function parseIsoDate(text: string): number | undefined {
  const m = /^\s*(\d{4})(\d{2})(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(text);
  if (!m) return undefined;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) / 1000;
}

/** strtol over the whole text (leading blanks allowed); undefined when something is left over. */
function strtol(text: string): number | undefined {
  const m = /^\s*([+-]?\d+)\s*$/.exec(text);
  return m ? Number(m[1]) : undefined;
}

function strtod(text: string): number | undefined {
  const trimmed = text.trim();
  const value = Number(trimmed);
  return trimmed === '' || Number.isNaN(value) ? undefined : value;
}

/** The typed element inside `<value>`; bare text is a string. */
function typedNode(value: XmlElement): { tag: string; text: string } {
  const child = value.children[0];
  return child ? { tag: child.tag, text: child.text } : { tag: 'string', text: value.text };
}

type Converted = number | string | RpcFaultInfo;

/** One `<value>` read as scan char `char` (§5.2). */
function convert(value: XmlElement, char: Exclude<ScanChar, '{'>, autoconvert: boolean): Converted {
  const { tag, text } = typedNode(value);
  const isInt = tag === 'int' || tag === 'i4';
  switch (char) {
    case 'b':
    case 't':
    case 'd':
    case 'u': {
      if (tag === 'dateTime.iso8601') return parseIsoDate(text) ?? INVALID_VALUE;
      let parsed: number | undefined;
      if (isInt || tag === 'boolean' || (autoconvert && tag === 'string')) {
        if (text.trim() === '') return EMPTY_VALUE;
        parsed = strtol(text);
      } else if (autoconvert && tag === 'double') {
        if (text.trim() === '') return EMPTY_VALUE;
        const d = strtod(text);
        parsed = d === undefined ? undefined : Math.trunc(d);
      } else return INVALID_TYPE;
      if (parsed === undefined) return INVALID_VALUE;
      const int = toInt32(parsed);
      return char === 'u' ? int >>> 0 : int;
    }
    case 'f':
    case 'l':
    case 'j':
    case 'L':
    case 'J': {
      if (autoconvert && tag === 'dateTime.iso8601') return parseIsoDate(text) ?? INVALID_VALUE;
      if (!(tag === 'double' || isInt || (autoconvert && (tag === 'boolean' || tag === 'string')))) return INVALID_TYPE;
      if (text.trim() === '') return tag === 'double' ? EMPTY_DOUBLE : EMPTY_VALUE;
      const parsed = strtod(text);
      if (parsed === undefined) return INVALID_VALUE;
      return char === 'f' ? parsed : Math.trunc(parsed);
    }
    case 's':
    case 'S': {
      if (tag === 'string') return text;
      if (!autoconvert) return INVALID_TYPE;
      if (isInt || tag === 'boolean') {
        const parsed = strtol(text);
        return parsed === undefined ? INVALID_VALUE : String(toInt32(parsed));
      }
      if (tag === 'double' || tag === 'dateTime.iso8601') return text;
      return INVALID_TYPE;
    }
  }
}

/** A `<struct>` parameter; members are found by exact, case-sensitive name. */
class XmlStructParam implements RpcStructParam {
  constructor(private readonly struct: XmlElement) {}

  member<C extends Exclude<ScanChar, '{'>>(name: string, char: C): ScanCharValue<C> | undefined {
    for (const member of this.struct.children) {
      if (member.tag !== 'member') continue;
      const nameElement = member.children.find((c) => c.tag === 'name');
      const valueElement = member.children.find((c) => c.tag === 'value');
      if (nameElement?.text !== name || !valueElement) continue;
      const converted = convert(valueElement, char, false);
      return typeof converted === 'object' ? undefined : (converted as ScanCharValue<C>);
    }
    return undefined;
  }
}

/**
 * `<param><value>` elements typed as the xmlrpc module types them (§5.2). A failed mandatory scan
 * stores a 400 fault that the client gets unless the handler faults itself; after `*` nothing is stored.
 */
export class XmlParams implements ParamSource {
  private index = 0;

  constructor(
    private readonly values: readonly (XmlElement | undefined)[],
    private readonly autoconversion = false,
  ) {}

  get remaining(): number {
    return this.values.length - this.index;
  }

  read(step: ScanStep): ParamRead {
    if (this.index >= this.values.length) return { ok: false, end: true };
    const value = this.values[this.index];
    let converted: Converted | RpcStructParam;
    if (!value) converted = INVALID_TYPE;
    else if (step.char === '{') {
      const struct = value.children[0];
      converted = struct?.tag === 'struct' ? new XmlStructParam(struct) : INVALID_TYPE;
    } else converted = convert(value, step.char, step.autoconvert || this.autoconversion);
    if (typeof converted === 'object' && 'code' in converted) {
      return step.optional ? { ok: false, end: false } : { ok: false, end: false, stored: converted };
    }
    this.index++;
    return { ok: true, value: converted };
  }
}
