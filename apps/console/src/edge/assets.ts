import { dirname, join } from 'node:path';
import express, { type Express } from 'express';

/** The folder of an installed package, found the way Node resolves it. */
function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`, { paths: [__dirname, process.cwd()] }));
}

const CACHE = { maxAge: '1h', immutable: false, index: false, fallthrough: false } as const;

/**
 * Static files under /ressources: the DSFR's dist (CSS, JS, fonts, icons), htmx and its SSE
 * extension straight from node_modules (no CDN), and the console's own built bundle and CSS.
 */
export function serveAssets(app: Express, builtAssets: string): void {
  const dsfr = join(packageDir('@gouvfr/dsfr'), 'dist');
  app.use('/ressources/dsfr', express.static(dsfr, CACHE));
  // Browsers ask for /favicon.ico whatever the page says.
  app.use('/favicon.ico', express.static(join(dsfr, 'favicon', 'favicon.ico'), CACHE));
  app.use('/ressources/htmx.min.js', express.static(join(packageDir('htmx.org'), 'dist', 'htmx.min.js'), CACHE));
  app.use('/ressources/sse.js', express.static(join(packageDir('htmx-ext-sse'), 'dist', 'sse.min.js'), CACHE));
  app.use('/ressources', express.static(builtAssets, CACHE));
  // At the root, so that it may serve /signalements/nouveau; never cached, so an update reaches every browser.
  app.get('/sw.js', (_request, response) => {
    response.setHeader('cache-control', 'no-cache');
    response.sendFile(join(builtAssets, 'sw.js'));
  });
}
