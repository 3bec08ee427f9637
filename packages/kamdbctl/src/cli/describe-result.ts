/** Human summaries of what create/add changed (the JSON output carries the same facts). */
import type { AddResult } from '../operations/add-groups.js';
import type { CreateResult } from '../operations/create-database.js';

export function describeUsers(created: readonly string[], existing: readonly string[]): string {
  const parts: string[] = [];
  if (created.length > 0) parts.push(`users created: ${created.join(', ')}`);
  if (existing.length > 0) parts.push(`existing users kept (passwords unchanged): ${existing.join(', ')}`);
  return parts.join('; ');
}

export function describeCreate(r: CreateResult, where: string): string {
  const lines = [`created ${r.database} on ${where}${r.charset ? ` (character set ${r.charset})` : ''}: ${r.tables.length} tables in ${r.groups.length} groups`];
  const users = describeUsers(r.createdUsers, r.existingUsers);
  if (users) lines.push(users);
  return lines.join('\n');
}

export function describeAdd(r: AddResult): string {
  const users = r.createdUsers.length > 0 ? `\nusers created: ${r.createdUsers.join(', ')}` : '';
  return `added ${r.tables.length} tables (${r.groups.join(' ')}) to ${r.database}${users}`;
}
