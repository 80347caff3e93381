import {
  issueKey,
  prefectureOf,
  registerActivePartner,
  request,
  waitUntilAccepted,
  withIdentity,
  type RegistryAccess,
  type Stack,
} from '../../libs/testing/src';
import type { SignedSink } from './signed-sink';

export const CONVENTION = 'private-security-2019';

function expect201(what: string, result: { status: number; body: unknown }): void {
  if (result.status !== 201) throw new Error(`${what}: HTTP ${result.status} ${JSON.stringify(result.body)}`);
}

/** Registers a webhook for the key's organisation pointing at a sink endpoint, and trusts its secret. */
export async function registerWebhook(stack: Stack, sink: SignedSink, key: string, endpoint: string): Promise<void> {
  await waitUntilAccepted(stack.url('notification'), key, 60_000);
  const webhook = await request<{ secret: string }>('POST', `${stack.url('notification')}/v1/webhooks`, {
    key,
    body: { url: sink.url(endpoint) },
  });
  expect201(`webhook ${endpoint}`, webhook);
  sink.trust(endpoint, webhook.body.secret);
}

/** A security firm of the private-security convention that publishes in `department`; returns its key. */
export async function seedPublisher(stack: Stack, registry: RegistryAccess, department: string): Promise<string> {
  const firm = await registerActivePartner(
    registry,
    { kind: 'SECURITY_FIRM', name: `Bench publisher ${department}`, departments: [department] },
    { conventions: [CONVENTION], roles: ['publisher'] },
  );
  await waitUntilAccepted(stack.url('alert-ingestion'), firm.key, 60_000);
  return firm.key;
}

/** A webhook on the sink for the prefecture competent for `department`, which receives every alert there. */
export async function seedPrefectureWebhook(
  stack: Stack,
  registry: RegistryAccess,
  sink: SignedSink,
  department: string,
): Promise<string> {
  const prefecture = await prefectureOf(registry, department);
  const endpoint = `prefecture-${department}`;
  await registerWebhook(stack, sink, await issueKey(registry, prefecture.id, ['subscriber']), endpoint);
  return endpoint;
}

export interface FanOutSeed {
  /** Webhook endpoints that must each receive the alert once. */
  endpoints: string[];
  seedingMs: number;
}

/**
 * The fan-out set-up in one département: `partners` security firms, each a member of the
 * convention with a subscription to the département and a webhook, plus webhooks for the
 * competent prefecture and the national level (a Severe alert reaches both). Seeded through
 * the public APIs, `concurrency` organisations at a time.
 */
export async function seedFanOut(
  stack: Stack,
  registry: RegistryAccess,
  sink: SignedSink,
  options: { department: string; partners: number; concurrency: number },
): Promise<FanOutSeed> {
  const started = Date.now();
  const { department } = options;
  const admin = { key: registry.adminKey };
  const conventions = await request<{ id: string; code: string }[]>(
    'GET',
    `${registry.registryUrl}/v1/conventions`,
    admin,
  );
  const conventionId = conventions.body.find((convention) => convention.code === CONVENTION)?.id;
  if (!conventionId) throw new Error(`no convention ${CONVENTION}`);

  const seedPartner = async (index: number): Promise<string> => {
    const created = await request<{ id: string }>('POST', `${registry.registryUrl}/v1/organizations`, {
      ...admin,
      body: withIdentity({
        kind: 'SECURITY_FIRM',
        name: `Bench subscriber ${department}-${index}`,
        departments: [department],
      }),
    });
    expect201('organisation', created);
    const { id } = created.body;
    const activated = await request('POST', `${registry.registryUrl}/v1/organizations/${id}/activate`, {
      ...admin,
      body: { reason: 'benchmark' },
    });
    if (activated.status !== 200) throw new Error(`activate: HTTP ${activated.status}`);
    expect201(
      'membership',
      await request('POST', `${registry.registryUrl}/v1/conventions/${conventionId}/members`, {
        ...admin,
        body: { organisationId: id },
      }),
    );
    expect201(
      'subscription',
      await request('POST', `${registry.registryUrl}/v1/organizations/${id}/subscriptions`, {
        ...admin,
        body: { departments: [department] },
      }),
    );
    const endpoint = `partner-${department}-${index}`;
    await registerWebhook(stack, sink, await issueKey(registry, id, ['subscriber']), endpoint);
    return endpoint;
  };

  const endpoints: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < options.partners) endpoints.push(await seedPartner(next++));
    }),
  );
  const prefectureEndpoint = await seedPrefectureWebhook(stack, registry, sink, department);
  const national = await request<{ id: string }[]>(
    'GET',
    `${registry.registryUrl}/v1/organizations?kind=NATIONAL_LEVEL`,
    admin,
  );
  const nationalEndpoint = 'national-level';
  await registerWebhook(stack, sink, await issueKey(registry, national.body[0].id, ['subscriber']), nationalEndpoint);
  return { endpoints: [...endpoints, prefectureEndpoint, nationalEndpoint], seedingMs: Date.now() - started };
}
