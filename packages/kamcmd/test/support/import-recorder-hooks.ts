import { appendFileSync } from 'node:fs';

/**
 * Module-loader hook that appends every resolved URL to $KAMCMD_IMPORT_LOG, so a test can see
 * what a run loaded. Registered by import-recorder.js through `node --import`.
 */
export async function resolve(
  specifier: string,
  context: unknown,
  nextResolve: (specifier: string, context: unknown) => Promise<{ url: string }>,
): Promise<{ url: string }> {
  const resolved = await nextResolve(specifier, context);
  const log = process.env['KAMCMD_IMPORT_LOG'];
  if (log) appendFileSync(log, `${resolved.url}\n`);
  return resolved;
}
