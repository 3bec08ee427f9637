import type { ParamRead, ParamSource } from '../../rpc/param-source.js';
import type { ScanStep } from '../../rpc/scan-format.js';
import { toInt32, toInt64 } from '../c-casts.js';
import type { JsonNode } from './json-tree.js';

/** srjson's numeric view of any node: numbers as they are, true as 1, everything else 0. */
function numericValue(node: JsonNode): number {
  if (node.type === 'number') return node.value;
  return node.type === 'true' ? 1 : 0;
}

/**
 * Parameters of a JSON-RPC request typed as jsonrpcs types them (§4.4): numeric scans never fail
 * (a string reads as 0), strings must be strings unless `.` converts a number, and no failure ever
 * becomes a fault by itself.
 */
export class JsonParams implements ParamSource {
  private index = 0;

  constructor(private readonly nodes: readonly JsonNode[]) {}

  get remaining(): number {
    return this.nodes.length - this.index;
  }

  read(step: ScanStep): ParamRead {
    if (step.char === '{') return { ok: false, end: false, raise: { code: 400, message: 'Unsupported param type' } };
    const node = this.nodes[this.index];
    if (!node) return { ok: false, end: true };
    let value: number | string;
    switch (step.char) {
      case 's':
      case 'S':
        if (node.type === 'string') {
          const nul = node.value.indexOf('\0');
          value = nul < 0 ? node.value : node.value.slice(0, nul);
        } else if (step.autoconvert && node.type === 'number') {
          value = BigInt.asUintN(64, toInt64(node.value)).toString();
        } else return { ok: false, end: false };
        break;
      case 'f':
        value = numericValue(node);
        break;
      case 'u':
        value = Number(BigInt.asUintN(32, toInt64(numericValue(node))));
        break;
      case 'l':
      case 'j':
      case 'L':
      case 'J':
        value = Number(toInt64(numericValue(node)));
        break;
      default:
        value = toInt32(numericValue(node));
    }
    this.index++;
    return { ok: true, value };
  }
}
