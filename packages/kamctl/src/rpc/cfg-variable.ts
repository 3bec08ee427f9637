import type { RpcClient } from '@kamkit/rpc';

import { UsageError } from '../cli/exit-codes.js';
import { INT32_MAX, INT32_MIN } from '../validate/numbers.js';
import { callRpc } from './rpc-session.js';

export interface CfgVariable {
  group: string;
  name: string;
  type: 'integer' | 'string';
  /** From cfg.help; JSON-RPC transports return only the type line, so it may be empty. */
  description: string;
}

const GROUP = /^[A-Za-z_][\w]*(\[\d+\])?$/;
const NAME = /^[A-Za-z_][\w]*$/;

/** What the server says about one cfg variable (cfg.list, cfg.help); unknown ones are usage errors. */
export async function describeCfgVariable(client: RpcClient, group: string, name: string): Promise<CfgVariable> {
  if (!GROUP.test(group)) throw new UsageError(`invalid cfg group ${JSON.stringify(group)}`);
  if (!NAME.test(name)) throw new UsageError(`invalid cfg variable ${JSON.stringify(name)}`);
  const baseGroup = group.replace(/\[\d+\]$/, '');
  const listed = (await callRpc(client, 'cfg.list', [baseGroup])) as unknown;
  const names = (Array.isArray(listed) ? listed : []).map(String).filter((l) => l.startsWith(`${baseGroup}: `)).map((l) => l.slice(baseGroup.length + 2));
  if (names.length === 0) throw new UsageError(`no cfg group ${JSON.stringify(baseGroup)} on the server`);
  if (!names.includes(name)) throw new UsageError(`cfg group ${baseGroup} has no variable ${name} (it has: ${names.join(', ')})`);
  const help = (await callRpc(client, 'cfg.help', [baseGroup, name])) as unknown;
  const texts = (Array.isArray(help) ? help : [help]).filter((t): t is string => typeof t === 'string');
  const typeLine = texts.find((t) => /parameter type is/.test(t)) ?? '';
  return {
    group,
    name,
    type: /integer/.test(typeLine) ? 'integer' : 'string',
    description: texts.filter((t) => t !== typeLine).join(' ').trim(),
  };
}

/** The value as the variable's type needs it, or a usage error naming type, range and description. */
export function cfgValue(variable: CfgVariable, text: string): number | string {
  if (variable.type === 'string') return text;
  const n = /^[+-]?\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < INT32_MIN || n > INT32_MAX) {
    throw new UsageError(
      `${variable.group}.${variable.name} is an integer (${INT32_MIN}..${INT32_MAX}; a narrower range is enforced by the server)` +
        `${variable.description ? `: ${variable.description}` : ''}; ${JSON.stringify(text)} is not`,
    );
  }
  return n;
}
