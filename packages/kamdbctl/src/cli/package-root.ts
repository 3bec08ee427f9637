/** kamdbctl's package directory, found from the running module: dist/src/... or a bundle under dist/bundle/. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageDir(moduleUrl: string): string {
  for (let dir = dirname(fileURLToPath(moduleUrl)); ; dir = dirname(dir)) {
    try {
      if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name === '@kamkit/kamdbctl') return dir;
    } catch {
      // no package.json here
    }
    if (dirname(dir) === dir) throw new Error(`kamdbctl: no package.json of @kamkit/kamdbctl above ${moduleUrl}`);
  }
}
