/** `kamdbctl status` as text: one line per group, details for every table that is not as defined. */
import type { GroupStatus, SchemaStatus } from '../schema-ops/inspect-schema.js';
import type { KamdbctlSettings, SetName } from '../settings/kamdbctl-settings.js';
import { setOfGroup } from '../schema/install-plan.js';

/** What keeps a database from being "up to date": odd groups, a standard group missing, no version table. */
export function schemaProblems(status: SchemaStatus, settings: KamdbctlSettings): string[] {
  const problems: string[] = [];
  if (!status.versionTable) problems.push('no version table');
  for (const g of status.groups) {
    if (g.state !== 'installed' && g.state !== 'absent') problems.push(`${g.group} ${g.state}`);
    else if (g.state === 'absent' && settings.sets.standard.includes(g.group)) problems.push(`${g.group} absent (standard set)`);
  }
  return problems;
}

function pad(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')).join('\n');
}

function tableDetail(g: GroupStatus): string[] {
  return g.tables
    .filter((t) => t.state !== 'ok')
    .map((t) => {
      const v = t.version === undefined ? 'no version row' : `version ${t.version}`;
      return `  ${t.table}: ${t.exists ? 'present' : 'missing'}, ${v}, schema version ${t.expected} (${t.state})`;
    });
}

export function formatStatus(status: SchemaStatus, settings: KamdbctlSettings, where: string, all: boolean): string {
  const shown = status.groups.filter((g) => all || g.state !== 'absent' || setOfGroup(settings, g.group) === 'standard');
  const rows = [['GROUP', 'SET', 'STATE', 'TABLES']];
  for (const g of shown) {
    const present = g.tables.filter((t) => t.exists).length;
    rows.push([g.group, setOfGroup(settings, g.group) as SetName | 'other', g.state, `${present}/${g.tables.length}`]);
  }
  const lines = [`${where}`, pad(rows)];
  for (const g of shown) lines.push(...tableDetail(g));
  const absent = status.groups.filter((g) => g.state === 'absent' && !shown.includes(g)).map((g) => g.group);
  if (absent.length > 0) lines.push(`not installed: ${absent.join(' ')}`);
  if (status.otherTables.length > 0) lines.push(`other tables: ${status.otherTables.join(' ')}`);
  const problems = schemaProblems(status, settings);
  lines.push(problems.length === 0 ? 'up to date' : `differs from the schema: ${problems.join(', ')}`);
  return lines.join('\n');
}
