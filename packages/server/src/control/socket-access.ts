import { chmod, chown } from 'node:fs/promises';
import { readFileSync } from 'node:fs';

/** mode/user/group of a unix socket or FIFO file (ctl `mode`/`user`/`group`, jsonrpcs `fifo_mode`...). */
export interface FileAccess {
  /** Permission bits, e.g. 0o600. */
  mode: number;
  /** A user name or numeric id; unset = keep ours. */
  user?: string | number;
  /** A group name or numeric id. */
  group?: string | number;
}

/** Looks a name up in /etc/passwd or /etc/group (field 3 is the id); numbers pass through. */
function resolveId(value: string | number, database: '/etc/passwd' | '/etc/group'): number {
  if (typeof value === 'number') return value;
  if (/^\d+$/.test(value)) return Number(value);
  let text = '';
  try {
    text = readFileSync(database, 'utf8');
  } catch {
    // No database: only numeric ids can work.
  }
  for (const line of text.split('\n')) {
    const fields = line.split(':');
    if (fields[0] === value && fields[2] !== undefined) return Number(fields[2]);
  }
  throw new Error(`unknown ${database === '/etc/passwd' ? 'user' : 'group'} "${value}"`);
}

/** Applies mode and ownership to a socket/FIFO file we just created. */
export async function applyFileAccess(path: string, access: FileAccess): Promise<void> {
  await chmod(path, access.mode);
  if (access.user === undefined && access.group === undefined) return;
  const uid = access.user === undefined ? -1 : resolveId(access.user, '/etc/passwd');
  const gid = access.group === undefined ? -1 : resolveId(access.group, '/etc/group');
  await chown(path, uid, gid);
}
