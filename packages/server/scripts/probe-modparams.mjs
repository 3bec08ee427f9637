// Regenerates data/kamailio-modparams.json from the installed Kamailio 5.6.3 modules.
// For each module: candidate names are the identifier-like strings of its .so; a config setting
// every candidate once as a string and once as an int is checked with `kamailio -c`, and a name is
// a parameter of a type exactly when Kamailio does not answer "parameter <name> ... not found".
// Usage: node scripts/probe-modparams.mjs [modules-dir]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const modulesDir = process.argv[2] ?? '/usr/lib/x86_64-linux-gnu/kamailio/modules';
const version = execFileSync('kamailio', ['-v']).toString().split('\n')[0].trim();
const work = mkdtempSync(path.join(os.tmpdir(), 'kamkit-modparams-'));
const result = {};

for (const file of readdirSync(modulesDir).filter((f) => f.endsWith('.so')).sort()) {
  const module = file.slice(0, -3);
  // The linker merges a string into the tail of a longer one ("user" inside "fifo_user"), so every
  // identifier-like tail of a short string is a candidate too.
  const words = execFileSync('strings', ['-n', '2', path.join(modulesDir, file)])
    .toString()
    .split('\n')
    .filter((s) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s) && s.length <= 48);
  const candidates = [...new Set(words.flatMap((w) => [...w].map((_, i) => w.slice(i)).filter((t) => t.length >= 2 && /^[A-Za-z_]/.test(t))))].sort();
  const params = {};
  // Batches keep each check within Kamailio's private memory pool.
  for (let first = 0; first < candidates.length; first += 1500) {
    const lines = [`mpath="${modulesDir}/"`, `loadmodule "${file}"`];
    const probes = new Map();
    for (const name of candidates.slice(first, first + 1500)) {
      probes.set(lines.length + 1, [name, 'str']);
      lines.push(`modparam("${module}", "${name}", "x")`);
      probes.set(lines.length + 1, [name, 'int']);
      lines.push(`modparam("${module}", "${name}", 1)`);
    }
    lines.push('request_route { drop; }');
    const cfg = path.join(work, `${module}.cfg`);
    writeFileSync(cfg, lines.join('\n') + '\n');
    const run = spawnSync('kamailio', ['-M', '64', '-c', '-f', cfg], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const output = `${run.stdout}${run.stderr}`;
    if (/could not allocate|out of memory/i.test(output)) throw new Error(`${module}: kamailio ran out of memory checking ${cfg}`);
    if (/could not open module|failed to load module/.test(output)) throw new Error(`${module}: cannot be loaded here`);
    // A "not found" error names the line of the modparam right after it; any other failure comes
    // from the parameter's own fix-up, so the parameter exists with that type.
    const notFound = new Set();
    let pendingNotFound = false;
    for (const line of output.split('\n')) {
      if (/not found in module/.test(line)) pendingNotFound = true;
      const at = /line (\d+), column \d+: Can't set module parameter/.exec(line);
      if (at) {
        if (pendingNotFound) notFound.add(Number(at[1]));
        pendingNotFound = false;
      }
    }
    for (const [line, [name, type]] of probes) {
      if (notFound.has(line)) continue;
      (params[name] ??= []).push(type);
    }
  }
  result[module] = Object.fromEntries(
    Object.entries(params).map(([name, types]) => [name, types.length === 2 ? 'any' : types[0]]),
  );
}
rmSync(work, { recursive: true, force: true });

const out = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'data', 'kamailio-modparams.json');
const document = {
  generatedBy: 'scripts/probe-modparams.mjs',
  from: version.replace(/^version: /, ''),
  types: 'int, str or any: the value types modparam() accepts',
  modules: result,
};
writeFileSync(out, `${JSON.stringify(document, null, 1)}\n`);
console.log(`${Object.keys(result).length} modules written to ${out}`);
