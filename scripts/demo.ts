/**
 * The demo behind `npm run demo`: starts the four services on the local infrastructure, then
 * follows one alert from a security firm in Lyon to the Rhône prefecture's webhook, printing
 * each step. The platform keeps running afterwards (Ctrl-C stops it) unless --exit is given.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyWebhook } from '../apps/notification/src/channels/webhook/webhook.signer';
import {
  ConsoleProcess,
  Stack,
  WebhookSink,
  prefectureWithKey,
  quaiRambaudIntrusion,
  registerActivePartner,
  repoRoot,
  request,
  sampleSum,
  waitFor,
  waitUntilAccepted,
} from '../libs/testing/src';
import { demoAccounts, seedNight } from './demo-night';

const root = repoRoot();
const CONSOLE_PORT = 3005;
const bold = (text: string): string => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
const step = (text: string): void => console.log(`\n${bold('▶')} ${text}`);
const detail = (text: string): void => console.log(`    ${text}`);

/** Secrets of the local platform, made once and kept in .vigie/demo.env (webhook secrets stay decryptable). */
function localSecrets(): { adminKey: string; secretsKey: string } {
  const file = join(root, '.vigie', 'demo.env');
  if (!existsSync(file)) {
    mkdirSync(join(root, '.vigie'), { recursive: true });
    const adminKey = `vgk_${randomUUID()}_${randomBytes(32).toString('base64url')}`;
    writeFileSync(
      file,
      `REGISTRY_ADMIN_API_KEY=${adminKey}\nWEBHOOK_SECRETS_KEY=${randomBytes(32).toString('hex')}\n`,
      { mode: 0o600 },
    );
  }
  const values = Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { adminKey: values.REGISTRY_ADMIN_API_KEY, secretsKey: values.WEBHOOK_SECRETS_KEY };
}

async function main(): Promise<void> {
  const exitAfter = process.argv.includes('--exit');
  const { adminKey, secretsKey } = localSecrets();

  step('Starting the four services (logs in .vigie/logs/)');
  const started = Date.now();
  const stack = await Stack.start({
    databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/vigie',
    kafkaBrokers: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    basePort: 3000,
    adminApiKey: adminKey,
    webhookSecretsKey: secretsKey,
    logDir: join(root, '.vigie', 'logs'),
    // E-mailed acknowledgement links open the console's page.
    // Readable log lines in .vigie/logs (JSON everywhere else).
    env: { PUBLIC_BASE_URL: `http://127.0.0.1:${CONSOLE_PORT}`, LOG_FORMAT: 'pretty' },
  });
  const sink = await WebhookSink.start();
  let consoleApp: ConsoleProcess | undefined;
  const shutdown = async (): Promise<void> => {
    await consoleApp?.stop();
    await stack.stop();
    await sink.close();
  };
  try {
    for (const name of ['partner-registry', 'alert-ingestion', 'prefect-routing', 'notification'] as const) {
      detail(`${name.padEnd(17)} ${stack.url(name)}  (OpenAPI: ${stack.url(name)}/openapi.json)`);
    }
    detail(`all healthy in ${Date.now() - started} ms`);

    const registry = { registryUrl: stack.url('partner-registry'), adminKey };
    step('Registry: a security firm is registered, activated, joins its convention and receives an API key');
    const firm = await registerActivePartner(
      registry,
      {
        kind: 'SECURITY_FIRM',
        name: `Gardiennage Rhône-Alpes ${new Date().toISOString().slice(11, 19)}`,
        departments: ['69'],
      },
      { conventions: ['private-security-2019'] },
    );
    detail(`${firm.name} → ${firm.id}, member of the private-security convention (11 Feb 2019)`);

    step('Registry: the Rhône prefecture (seeded from the official list) receives a key');
    const prefecture = await prefectureWithKey(registry, '69');
    detail(`${prefecture.name} → ${prefecture.id}`);

    step('Notification: the prefecture registers its webhook');
    await waitUntilAccepted(stack.url('alert-ingestion'), firm.key);
    await waitUntilAccepted(stack.url('notification'), prefecture.key);
    const webhook = await request<{ id: string; secret: string }>('POST', `${stack.url('notification')}/v1/webhooks`, {
      key: prefecture.key,
      body: { url: sink.url },
    });
    if (webhook.status !== 201) throw new Error(`webhook registration failed: ${JSON.stringify(webhook.body)}`);
    detail(`endpoint ${sink.url} (a listener of this demo)`);

    step('Ingestion: the firm reports an intrusion in Lyon (commune 69123)');
    const sentAt = Date.now();
    const requestId = `demo-${randomUUID()}`;
    const alert = await request<any>('POST', `${stack.url('alert-ingestion')}/v1/alerts`, {
      key: firm.key,
      headers: { 'X-Request-Id': requestId },
      body: {
        status: 'Actual',
        tlp: 'AMBER',
        location: { commune: '69123' },
        info: [quaiRambaudIntrusion],
      },
    });
    if (alert.status !== 201) throw new Error(`alert refused: ${JSON.stringify(alert.body)}`);
    detail(
      `201 Created in ${Date.now() - sentAt} ms: alert ${alert.body.id}, département ${alert.body.location.department}`,
    );

    const received = await waitFor(
      () =>
        sink.received.find(
          (r) => (JSON.parse(r.body) as { alert: { alertId: string } }).alert.alertId === alert.body.id,
        ),
      { what: 'the webhook delivery', timeoutMs: 15000, intervalMs: 5 },
    );
    step(`Notification: the prefecture's webhook received it ${received.receivedAt - sentAt} ms after the POST`);
    const verified = verifyWebhook({
      secret: webhook.body.secret,
      body: received.body,
      timestamp: received.headers['vigie-timestamp'] as string,
      signature: received.headers['vigie-signature'] as string,
    });
    detail(`Vigie-Signature ${verified ? 'verified ✓' : 'INVALID ✗'} (HMAC-SHA256 over timestamp and body)`);
    const payload = JSON.parse(received.body) as { recipient: { reason: string } };
    detail(`why: ${payload.recipient.reason}`);

    const routing = await request<any>('GET', `${stack.url('prefect-routing')}/v1/alerts/${alert.body.id}/routing`, {
      key: firm.key,
    });
    step('Routing: the decision, as the firm can read it');
    detail(JSON.stringify(routing.body.recipients));
    if (!verified) throw new Error('signature did not verify');

    step('Observability: the request id in every service that handled the alert, and the metrics');
    for (const name of ['alert-ingestion', 'prefect-routing', 'notification'] as const) {
      const lines = await waitFor(
        () => {
          const found = readFileSync(stack.logFile(name), 'utf8')
            .split('\n')
            .filter((line) => line.includes(requestId));
          return found.length > 0 ? found : undefined;
        },
        { what: `${name} to log the request id`, timeoutMs: 5000 },
      ).catch(() => []);
      detail(`${name.padEnd(17)} ${lines.length} log line(s) with request id ${requestId}`);
    }
    const scraped = await (await fetch(stack.metricsUrl('alert-ingestion'))).text();
    detail(
      `alerts accepted so far (vigie_alerts_accepted_total): ${sampleSum(scraped, 'vigie_alerts_accepted_total')}`,
    );
    for (const name of ['partner-registry', 'alert-ingestion', 'prefect-routing', 'notification'] as const) {
      detail(`${name.padEnd(17)} metrics: ${stack.metricsUrl(name)}`);
    }
    detail(
      'health: /health/live and /health/ready on each service; dashboard and alert rules in infra/ (docs/operations.md)',
    );

    step('Seeding a night in the Rhône through the public APIs, for the console');
    const seeded = await seedNight({ stack, registry, prefecture, firm });
    detail(
      `${seeded + 1} alert messages (an update chain, a cancellation, an exercise, an escalation under way) and a broadcast`,
    );

    step('Starting the console (logs in .vigie/logs/console.log)');
    consoleApp = await ConsoleProcess.start({
      port: CONSOLE_PORT,
      stack,
      logFile: join(root, '.vigie', 'logs', 'console.log'),
    });
    const accounts = await demoAccounts(registry, prefecture.id, firm);
    detail(`${bold('Console:')} ${consoleApp.url}`);
    detail(`Rhône duty officer: ${accounts.officer.email} / ${accounts.officer.password}`);
    detail(`${accounts.firmUser.organisation} user: ${accounts.firmUser.email} / ${accounts.firmUser.password}`);
    detail(`invitation link (Dominique Petit, Rhône prefecture): ${consoleApp.url}${accounts.invitationPath}`);
  } catch (error) {
    await shutdown();
    throw error;
  }

  if (exitAfter) {
    await shutdown();
    console.log(`\n${bold('Demo complete.')}`);
    return;
  }
  console.log(`\n${bold('The platform is running.')} Admin key: see .vigie/demo.env. Ctrl-C stops the services`);
  console.log('(Kafka keeps running: `npm run infra:down` stops it).');
  const stop = (): void => void shutdown().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
