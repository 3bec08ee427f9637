import type { Counter } from '../counters/counter-registry.js';

/**
 * A statistic's value as Kamailio reports it: an unsigned long, so a statistic counted below zero
 * is 2^64 minus its magnitude (observed on 5.6.3: -3 prints 18446744073709551613).
 */
export function statisticUnsigned(counter: Counter): bigint {
  return BigInt.asUintN(64, BigInt(Math.trunc(counter.value)));
}

/** The value as get_statistics, clear_statistics and fetch print it. */
export function statisticText(counter: Counter): string {
  return statisticUnsigned(counter).toString();
}
