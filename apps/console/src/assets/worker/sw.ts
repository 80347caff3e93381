/**
 * The console's service worker: it keeps the report form and the files it needs, so a partner
 * without network can still fill a report (../offline-reports.ts keeps and later sends it). Pages
 * other than the form are never cached: they hold alerts, which must not outlive the session on
 * a shared device. Bundled by esbuild into /sw.js.
 */
const worker = globalThis as unknown as ServiceWorkerGlobalScope;

const CACHE = 'vigie-hors-ligne';
const FORM = '/signalements/nouveau';
const ASSETS = [
  '/ressources/dsfr/dsfr.min.css',
  '/ressources/dsfr/utility/icons/icons.min.css',
  '/ressources/dsfr/dsfr.module.min.js',
  '/ressources/console.css',
  '/ressources/console.js',
  '/ressources/htmx.min.js',
  '/ressources/sse.js',
];

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(ASSETS))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(worker.clients.claim());
});

/** The network first; what it answered well is kept; the kept copy when there is no network. */
async function networkFirst(request: Request, keep: boolean): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const answer = await fetch(request);
    // Only a real form: never a sign-in page a redirect led to, never an error.
    if (keep && answer.ok && !answer.redirected) await cache.put(request.url, answer.clone());
    return answer;
  } catch (error) {
    const kept = await cache.match(request.url, { ignoreSearch: true });
    if (kept) return kept;
    throw error;
  }
}

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin) return;
  if (url.pathname === FORM && request.mode === 'navigate') {
    event.respondWith(networkFirst(request, true));
  } else if (url.pathname.startsWith('/ressources/')) {
    // Fonts and icons the CSS asks for are kept as they are first used.
    event.respondWith(networkFirst(request, true));
  }
});

export {};
