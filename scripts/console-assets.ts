import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { repoRoot } from '../libs/testing/src/repo-root';

/** The console's own script, bundled and minified (also what the budget test measures). */
export function consoleBundleOptions(root: string = repoRoot()): BuildOptions {
  return {
    entryPoints: [join(root, 'apps', 'console', 'src', 'assets', 'console.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    legalComments: 'none',
    logLevel: 'warning',
  };
}

/** The service worker that keeps the report form available offline (served at /sw.js). */
export function serviceWorkerOptions(root: string = repoRoot()): BuildOptions {
  return {
    ...consoleBundleOptions(root),
    entryPoints: [join(root, 'apps', 'console', 'src', 'assets', 'worker', 'sw.ts')],
  };
}

/** Writes dist/apps/console/assets/{console.js,sw.js,console.css}: run by `npm run build`. */
async function main(): Promise<void> {
  const root = repoRoot();
  const out = join(root, 'dist', 'apps', 'console', 'assets');
  mkdirSync(out, { recursive: true });
  await build({ ...consoleBundleOptions(root), outfile: join(out, 'console.js') });
  await build({ ...serviceWorkerOptions(root), outfile: join(out, 'sw.js') });
  copyFileSync(join(root, 'apps', 'console', 'src', 'assets', 'console.css'), join(out, 'console.css'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
