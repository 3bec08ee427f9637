import { readFileSync, statSync } from 'node:fs';
import type { main as Main } from '../cli/main.js';

/** What scripts/bundle.mjs writes next to the bundle: its entry and the files it was made from. */
interface BundleStamp {
  main: string;
  /** [path relative to the stamp's directory, size, mtimeMs] of every compiled input. */
  inputs: Array<[string, number, number]>;
}

/** Where the bundle's stamp is, when `npm install` (prepare) has made one. */
export const BUNDLE_STAMP = new URL('../../bundle/stamp.json', import.meta.url);

/**
 * The module to load `main` from: the start-up bundle while every file it was made from is
 * unchanged, otherwise (no bundle, or rebuilt since) the compiled modules themselves.
 */
export function mainModuleUrl(stampUrl: URL = BUNDLE_STAMP): string {
  try {
    const stamp = JSON.parse(readFileSync(stampUrl, 'utf8')) as BundleStamp;
    const fresh = stamp.inputs.every(([file, size, mtimeMs]) => {
      const stat = statSync(new URL(file, stampUrl));
      return stat.size === size && stat.mtimeMs === mtimeMs;
    });
    if (fresh) return new URL(stamp.main, stampUrl).href;
  } catch {
    // No bundle, or one of its inputs is gone.
  }
  return new URL('../cli/main.js', import.meta.url).href;
}

export async function loadMain(): Promise<typeof Main> {
  return ((await import(mainModuleUrl())) as { main: typeof Main }).main;
}
