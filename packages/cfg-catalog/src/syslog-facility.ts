/** syslog facility names and their numbers (the value Kamailio stores for `log_facility`). */
export const SYSLOG_FACILITIES: ReadonlyMap<string, number> = new Map([
  ['LOG_KERN', 0],
  ['LOG_USER', 8],
  ['LOG_MAIL', 16],
  ['LOG_DAEMON', 24],
  ['LOG_AUTH', 32],
  ['LOG_SYSLOG', 40],
  ['LOG_LPR', 48],
  ['LOG_NEWS', 56],
  ['LOG_UUCP', 64],
  ['LOG_CRON', 72],
  ['LOG_AUTHPRIV', 80],
  ['LOG_FTP', 88],
  ...[0, 1, 2, 3, 4, 5, 6, 7].map((n): [string, number] => [`LOG_LOCAL${n}`, (16 + n) * 8]),
]);

export function syslogFacilityNumber(name: string): number | undefined {
  return SYSLOG_FACILITIES.get(name.toUpperCase());
}
