import type { CounterRegistry } from '../counters/counter-registry.js';
import { defineModuleStatistics, defineScriptCounters, type StatisticsConfig } from '../modules/module-statistics.js';
import type { MemoryReport } from '../server/memory-report.js';
import { defineCoreStatistics } from './core-statistics.js';

/**
 * Declares every statistic in Kamailio 5.6.3's order: script counters while the config is read, then
 * the core's groups, then each module's in load order. A bare statistic name finds the last one
 * declared, so the order is part of what stats.* answer.
 */
export function defineStatistics(counters: CounterRegistry, memory: MemoryReport, config: StatisticsConfig | undefined): void {
  if (config) defineScriptCounters(counters, config);
  defineCoreStatistics(counters, memory);
  if (config) defineModuleStatistics(counters, config);
}
