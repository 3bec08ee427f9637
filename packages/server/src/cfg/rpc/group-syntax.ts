/** `group` or `group[id]`, as cfg_rpc takes group names. */
export interface GroupRef {
  readonly group: string;
  readonly instance?: number;
}

export const WRONG_GROUP_SYNTAX = 'Wrong group syntax. Use either "group", or "group[id]"';
export const WRONG_INSTANCE_SYNTAX = 'Wrong group syntax. Use "group[id]"';

/** Undefined when the text is neither form. */
export function parseGroupRef(text: string): GroupRef | undefined {
  const match = /^([^[\]]+)(?:\[(\d+)\])?$/.exec(text);
  if (!match) return undefined;
  return match[2] === undefined ? { group: match[1]! } : { group: match[1]!, instance: Number(match[2]) };
}
