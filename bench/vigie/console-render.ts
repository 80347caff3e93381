import { join } from 'node:path';
import { Client } from 'pg';
import { ConsoleProcess, prefectureOf, repoRoot, request, waitFor } from '../../libs/testing/src';
import { now } from '../load/clock';
import type { BenchOptions } from '../options';
import { AlertPoster } from './alert-poster';
import { resetDatabase, startBenchStack } from './bench-stack';
import { seedPublisher } from './seed';

const LYON = '69123';
const OFFICER = { email: 'bench.permanence@rhone.gouv.fr', fullName: 'Banc Permanence', password: 'banc-de-mesure-69' };
const ANALYST = { email: 'bench.analyste@interieur.gouv.fr', fullName: 'Banc Analyste', password: 'banc-de-mesure-fr' };
/** Alerts of history written in SQL for the national pages (and one escalation per ten of them). */
const NATIONAL_HISTORY = 100_000;
/** Requests per page; the first few warm caches and connections and are not counted. */
const SAMPLES = 200;
const WARM_UP = 10;
const CONCURRENT_POSTS = 32;

export interface PageRender {
  page: string;
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface ConsoleRenderResult {
  alerts: number;
  seedingMs: number;
  pages: PageRender[];
}

const quantile = (sorted: number[], q: number): number =>
  Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 10) / 10;

/** A signed-in console session for one of the bench's people: its cookie. */
async function signIn(consoleUrl: string, who: { email: string; password: string }): Promise<string> {
  const form = await fetch(`${consoleUrl}/connexion`);
  const cookie = form.headers.get('set-cookie')!.split(';')[0];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1];
  const signedIn = await fetch(`${consoleUrl}/connexion`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, email: who.email, password: who.password, suite: '/alertes' }),
  });
  if (signedIn.status !== 303) throw new Error(`bench sign-in failed: ${signedIn.status}`);
  return signedIn.headers.get('set-cookie')!.split(';')[0];
}

async function timePage(consoleUrl: string, cookie: string, page: string, path: () => string): Promise<PageRender> {
  const durations: number[] = [];
  for (let sample = 0; sample < SAMPLES + WARM_UP; sample++) {
    const started = now();
    const response = await fetch(`${consoleUrl}${path()}`, { headers: { cookie } });
    await response.text();
    if (response.status !== 200) throw new Error(`${page}: HTTP ${response.status}`);
    if (sample >= WARM_UP) durations.push(now() - started);
  }
  durations.sort((a, b) => a - b);
  return {
    page,
    samples: durations.length,
    p50: quantile(durations, 0.5),
    p95: quantile(durations, 0.95),
    p99: quantile(durations, 0.99),
    max: quantile(durations, 1),
  };
}

/**
 * Server-side render time of the console's pages with `alerts` alerts in the Rhône prefecture's
 * history: the time from request to last byte on loopback, which includes the console's calls
 * to the services (one per service per page). Alerts are posted through the public API.
 */
export async function measureConsoleRender(options: BenchOptions, alerts: number): Promise<ConsoleRenderResult> {
  await resetDatabase(options.databaseUrl);
  const { stack, registry } = await startBenchStack(options);
  let consoleApp: ConsoleProcess | undefined;
  try {
    const publisherKey = await seedPublisher(stack, registry, '69');
    const prefecture = await prefectureOf(registry, '69');
    const invite = async (organisationId: string, who: typeof OFFICER, role: string): Promise<void> => {
      const invited = await request<{ token: string }>(
        'POST',
        `${registry.registryUrl}/v1/organizations/${organisationId}/invitations`,
        { key: registry.adminKey, body: { email: who.email, fullName: who.fullName, roles: [role] } },
      );
      await request('POST', `${registry.registryUrl}/v1/invitations/accept`, {
        body: { token: invited.body.token, password: who.password },
      });
    };
    await invite(prefecture.id, OFFICER, 'DUTY_OFFICER');
    const nationalLevel = await request<{ id: string }[]>(
      'GET',
      `${registry.registryUrl}/v1/organizations?kind=NATIONAL_LEVEL`,
      { key: registry.adminKey },
    );
    await invite(nationalLevel.body[0].id, ANALYST, 'NATIONAL_ANALYST');

    const seeding = now();
    const poster = new AlertPoster(stack.url('alert-ingestion'), publisherKey);
    let next = 0;
    const failures: string[] = [];
    await Promise.all(
      Array.from({ length: CONCURRENT_POSTS }, async () => {
        while (next < alerts) {
          const index = next++;
          const failure = await poster.post({
            identifier: `bench-console-${index}`,
            commune: LYON,
            severity: index % 10 === 0 ? 'Severe' : 'Moderate',
            tlp: 'AMBER',
          });
          if (failure) failures.push(failure);
        }
      }),
    );
    poster.close();
    if (failures.length > 0) throw new Error(`${failures.length} alerts refused: ${failures[0]}`);
    consoleApp = await ConsoleProcess.start({
      port: options.basePort + 9,
      stack,
      logFile: join(repoRoot(), '.vigie', 'bench', 'logs', 'console.log'),
    });
    const cookie = await signIn(consoleApp.url, OFFICER);
    // Every alert routed and recorded by notification before measuring.
    const ids = await waitFor(
      async () => {
        const page = await request<{ alerts: { alertId: string }[] }>(
          'GET',
          `${stack.url('alert-ingestion')}/v1/alerts?limit=200`,
          { key: publisherKey },
        );
        const count = await request<unknown[]>(
          'GET',
          `${stack.url('notification')}/v1/alert-states?ids=${page.body.alerts.map((alert) => alert.alertId).join(',')}`,
          {
            key: publisherKey,
          },
        );
        return count.body.length === page.body.alerts.length
          ? page.body.alerts.map((alert) => alert.alertId)
          : undefined;
      },
      { what: 'the newest alerts to reach notification', timeoutMs: 600_000, intervalMs: 500 },
    );
    const seedingMs = Math.round(now() - seeding);
    const pick = (): string => ids[Math.floor(Math.random() * ids.length)];
    const pages = [
      await timePage(consoleApp.url, cookie, 'live feed (50 newest)', () => '/alertes'),
      await timePage(consoleApp.url, cookie, 'live feed filtered (Severe)', () => '/alertes?gravite=Severe'),
      await timePage(consoleApp.url, cookie, 'alert page', () => `/alertes/${pick()}`),
      await timePage(consoleApp.url, cookie, 'partners', () => '/partenaires'),
    ];
    await seedNationalHistory(options.databaseUrl, prefecture.id);
    const analyst = await signIn(consoleApp.url, ANALYST);
    const national: [string, string][] = [
      ['national map (alerts, 24 h)', '/carte'],
      ['national map (open escalations)', '/carte?couleur=escalades'],
      ['trends (30 days)', '/tendances'],
      ['trends (90 days)', '/tendances?jours=90'],
      ['time to acknowledge (90 days)', '/delais-acquittement?jours=90'],
      ['convention coverage', '/conventions'],
      ['open escalations (oldest first)', '/escalades'],
    ];
    for (const [page, path] of national) pages.push(await timePage(consoleApp.url, analyst, page, () => path));
    return { alerts, seedingMs, pages };
  } finally {
    await consoleApp?.stop();
    await stack.stop();
  }
}

/**
 * A history of NATIONAL_HISTORY alerts over the last 90 days in every département shape the
 * statistics queries read, written straight into alert ingestion's table (posting them through
 * the API would take the bench an hour and measure ingestion, not the pages), with one escalation
 * per ten alerts in notification, nine in ten of them acknowledged by the prefecture.
 */
async function seedNationalHistory(databaseUrl: string, prefectureId: string): Promise<void> {
  const database = new Client({ connectionString: databaseUrl });
  await database.connect();
  try {
    await database.query(
      `INSERT INTO ingestion.alerts (id, original_alert_id, sender_organisation_id, identifier, sent, status, msg_type,
              department, event_code, severity, tlp, personal_data, snapshot)
       SELECT id, id, $2, id::text, now() - (n % 90) * interval '1 day' - (n % 86400) * interval '1 second',
              'Actual', 'Alert', (ARRAY['69', '13', '2A', '974', '75', '59', '33'])[1 + n % 7],
              (ARRAY['intrusion', 'theft', 'fire'])[1 + n % 3], (ARRAY['Minor', 'Moderate', 'Severe'])[1 + n % 3],
              'GREEN', false, '{}'::jsonb
         FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, $1::int) AS n) AS seeded`,
      [NATIONAL_HISTORY, prefectureId],
    );
    await database.query(
      `WITH armed AS (
         INSERT INTO notification.escalations (id, alert_id, prefecture_id, alert, status, created_at)
         SELECT gen_random_uuid(), gen_random_uuid(), $2, jsonb_build_object('location', jsonb_build_object(
                  'department', (ARRAY['69', '13', '2A', '974', '75', '59', '33'])[1 + n % 7])),
                CASE WHEN n % 10 = 0 THEN 'armed' ELSE 'completed' END, now() - (n % 90) * interval '1 day'
           FROM generate_series(1, $1::int / 10) AS n
         RETURNING alert_id, prefecture_id, created_at, status)
       INSERT INTO notification.acknowledgements (alert_id, organisation_id, channel, acknowledged_at)
       SELECT alert_id, prefecture_id, 'api', created_at + (random() * 3600) * interval '1 second'
         FROM armed WHERE status = 'completed'`,
      [NATIONAL_HISTORY, prefectureId],
    );
    await database.query('ANALYZE ingestion.alerts');
    await database.query('ANALYZE notification.escalations');
    await database.query('ANALYZE notification.acknowledgements');
  } finally {
    await database.end();
  }
}
