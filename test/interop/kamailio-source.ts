// Kamailio's own XML table definitions (src/lib/srdb1/schema of its source tree), taken from the
// Debian source package of the INSTALLED kamailio: the upstream tarball is downloaded once from a
// Debian mirror into test/.cache/ (gitignored), checked against the sha256 that the package's .dsc
// records, and only the schema XML files are unpacked, into a directory the caller removes.
// Nothing of Kamailio is committed to this repository.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { run, type RunResult } from '../harness/index.mjs';

/** The repository (this file runs from test/dist/interop/). */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Downloads are kept here between runs (listed in .gitignore). */
export const CACHE_DIR = join(ROOT, 'test/.cache/debian-sources');
/** Any Debian mirror works; KAMKIT_DEBIAN_MIRROR names another one (e.g. a local apt mirror). */
export const DEBIAN_MIRROR = (process.env['KAMKIT_DEBIAN_MIRROR'] || 'http://deb.debian.org/debian').replace(/\/+$/, '');
/** The schema XML inside the source tree. */
export const SCHEMA_PATH = 'src/lib/srdb1/schema';

/**
 * sha256 of the upstream tarball as Debian's .dsc records it (kamailio_5.6.3-2.dsc). The .dsc
 * comes over plain HTTP like the tarball, so a mirror serving something else must change this
 * pinned value too; for another upstream version only the .dsc is trusted.
 */
const KNOWN_TARBALLS: Readonly<Record<string, string>> = {
  'kamailio_5.6.3.orig.tar.gz': '2a45e561895f38e933993662dd67f60c6821efc1ba6e50b4559e152c22ff4526',
};

const fail = (what: string, r: RunResult) => new Error(`${what} failed (exit ${r.code}): ${(r.stderr || r.stdout).trim()}`);

export interface DebianVersion {
  /** "5.6.3-2" (without an epoch, as in the pool's file names). */
  readonly debian: string;
  /** "5.6.3" */
  readonly upstream: string;
}

/** The version of the installed Debian package `kamailio` (dpkg-query). */
export async function installedKamailioVersion(): Promise<DebianVersion> {
  const r = await run('dpkg-query', ['-W', '-f=${Version}', 'kamailio']).catch((e: Error) => {
    throw new Error(`dpkg-query cannot be run (${e.message}): the Kamailio sources are looked up for the installed Debian package`);
  });
  if (r.code !== 0 || !r.stdout.trim()) throw fail('dpkg-query -W kamailio (is the Debian package kamailio installed?)', r);
  const debian = r.stdout.trim().replace(/^\d+:/, '');
  const dash = debian.lastIndexOf('-');
  return { debian, upstream: dash > 0 ? debian.slice(0, dash) : debian };
}

/** `name -> sha256` from the Checksums-Sha256 field of a .dsc (signed or not). */
export function dscSha256(dsc: string): Map<string, string> {
  const out = new Map<string, string>();
  const field = /^Checksums-Sha256:[^\n]*\n((?:[ \t][^\n]*\n?)*)/m.exec(dsc);
  for (const line of field?.[1]?.split('\n') ?? []) {
    const m = /^\s+([0-9a-f]{64})\s+\d+\s+(\S+)\s*$/.exec(line);
    if (m) out.set(m[2]!, m[1]!);
  }
  return out;
}

async function download(url: string, timeoutMs: number): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new Error(`cannot download ${url}: ${why}. This test needs a Debian mirror (set KAMKIT_DEBIAN_MIRROR to use another one)`);
  }
  if (!response.ok) throw new Error(`cannot download ${url}: HTTP ${response.status} ${response.statusText}`);
  return Buffer.from(await response.arrayBuffer());
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Writes through a temporary name, so a killed run never leaves half a file under the final name. */
function writeAtomically(file: string, data: Buffer | string): void {
  writeFileSync(`${file}.part`, data);
  renameSync(`${file}.part`, file);
}

export interface SourceTarball {
  readonly version: DebianVersion;
  readonly file: string;
  readonly sha256: string;
  /** Where it came from, or "cache". */
  readonly from: string;
}

/**
 * The upstream tarball of the installed kamailio, verified: from the cache when its sha256 is the
 * one the .dsc records, else downloaded (the .dsc too, also cached, so a second run needs no network).
 */
export async function kamailioSourceTarball(): Promise<SourceTarball> {
  const version = await installedKamailioVersion();
  const pool = `${DEBIAN_MIRROR}/pool/main/k/kamailio`;
  mkdirSync(CACHE_DIR, { recursive: true });

  const dscName = `kamailio_${version.debian}.dsc`;
  const dscFile = join(CACHE_DIR, dscName);
  if (!existsSync(dscFile)) writeAtomically(dscFile, await download(`${pool}/${dscName}`, 60_000));
  const sums = dscSha256(readFileSync(dscFile, 'utf8'));
  const origName = [...sums.keys()].find((n) => n.startsWith(`kamailio_${version.upstream}.orig.tar.`));
  if (!origName) throw new Error(`${dscFile} names no kamailio_${version.upstream}.orig.tar.* in Checksums-Sha256`);
  const expected = sums.get(origName)!;
  const pinned = KNOWN_TARBALLS[origName];
  if (pinned && pinned !== expected) throw new Error(`${dscName} says sha256 ${expected} for ${origName}, Debian's is ${pinned}: not the Debian .dsc (remove ${dscFile})`);

  const file = join(CACHE_DIR, origName);
  if (existsSync(file) && sha256(readFileSync(file)) === expected) return { version, file, sha256: expected, from: 'cache' };
  const url = `${pool}/${origName}`;
  const data = await download(url, 300_000);
  const got = sha256(data);
  if (got !== expected) throw new Error(`${url}: sha256 ${got}, but ${dscName} says ${expected}`);
  writeAtomically(file, data);
  return { version, file, sha256: got, from: url };
}

/**
 * Unpacks only the members matching `patterns` (paths below the tarball's top directory, with
 * tar's wildcards) into `into`, and returns the top directory they landed in.
 */
export async function extract(tarball: string, into: string, patterns: readonly string[]): Promise<string> {
  mkdirSync(into, { recursive: true });
  const r = await run('tar', ['-xf', tarball, '-C', into, '--wildcards', ...patterns.map((p) => `*/${p}`)], { timeoutMs: 120_000 });
  if (r.code !== 0) throw fail(`tar -xf ${tarball} ${patterns.join(' ')}`, r);
  const [top, ...more] = readdirSync(into);
  if (!top || more.length > 0) throw new Error(`${tarball}: expected one top directory, found ${[top, ...more].join(', ')}`);
  return join(into, top);
}

/** Unpacks `src/lib/srdb1/schema/*` (entities.xml, kamailio-<group>.xml, table files); returns that directory. */
export async function extractSchemaXml(tarball: string, into: string): Promise<string> {
  const dir = join(await extract(tarball, into, [`${SCHEMA_PATH}/*`]), SCHEMA_PATH);
  if (!existsSync(join(dir, 'entities.xml'))) throw new Error(`${tarball} has no ${SCHEMA_PATH}/entities.xml`);
  return dir;
}
