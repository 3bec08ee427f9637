import type { Counter, CounterRegistry } from '../counters/counter-registry.js';

/** `all` or `group:`: the selectors every stats.* command understands; undefined for anything else. */
function groupSelection(counters: CounterRegistry, selector: string): Counter[] | undefined {
  if (selector === 'all') return counters.all();
  if (selector.endsWith(':')) return counters.counters(selector.slice(0, -1));
  return undefined;
}

/**
 * What a selector of stats.get_statistics, reset_statistics and clear_statistics names: `all`,
 * `group:` (a whole group) or a bare statistic name. `group:name` is not a selector there in 5.6.3
 * and matches nothing; unknown names match nothing.
 */
export function selectStatistics(counters: CounterRegistry, selector: string): Counter[] {
  const found = groupSelection(counters, selector) ?? counters.findByName(selector);
  return Array.isArray(found) ? found : found ? [found] : [];
}

/**
 * What a selector of stats.fetch and fetchn names: as selectStatistics, and when the whole selector
 * is no statistic's name, `group.name` or `group:name`, split at the first `.` (at the first `:` only
 * when there is no `.`). The name is looked up on its own and must then be in that group, so a
 * statistic hidden by a later one of the same name cannot be fetched this way. All as Kamailio 5.6.3
 * answers (fixtures/config/stats-names.cfg): `x.y:z` finds a statistic named "x.y:z", `script.x.y:z`
 * finds it in group script, `script:x.y:z` finds nothing.
 */
export function fetchStatistics(counters: CounterRegistry, selector: string): Counter[] {
  const group = groupSelection(counters, selector);
  if (group) return group;
  const byName = counters.findByName(selector);
  if (byName) return [byName];
  const at = selector.indexOf(selector.includes('.') ? '.' : ':');
  if (at < 0) return [];
  const named = counters.findByName(selector.slice(at + 1));
  return named && named.group === selector.slice(0, at) ? [named] : [];
}
