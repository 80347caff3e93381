import {
  issueKey,
  prefectureOf,
  registerActivePartner,
  request,
  waitUntilAccepted,
  withIdentity,
  type RegistryAccess,
  type Stack,
  waitFor,
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

interface ImportReport {
  created: number;
  results: { row: number; organisationId: string; webhookId?: string; secret?: string }[];
  problems: { row: number; field: string; code: string; detail?: string }[];
}

/** The largest file either import takes. */
const IMPORT_ROWS = 10_000;

/** Imports the rows in files of IMPORT_ROWS; the results' rows are numbered across all of them. */
async function importAll(
  url: string,
  key: string,
  rows: object[],
  body: (rows: object[]) => object,
): Promise<ImportReport> {
  const report: ImportReport = { created: 0, results: [], problems: [] };
  for (let start = 0; start < rows.length; start += IMPORT_ROWS) {
    // A key just issued by the registry reaches notification with partner.changed.v1: until
    // then notification answers 401, so the first file is sent again until the key is known.
    const answer = await waitFor(
      async () => {
        const sent = await request<ImportReport>('POST', url, {
          key,
          body: body(rows.slice(start, start + IMPORT_ROWS)),
        });
        return sent.status === 401 ? undefined : sent;
      },
      { what: `${url} to know the importing key`, timeoutMs: 30_000, intervalMs: 100 },
    );
    if (answer.status !== 200) throw new Error(`import: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
    report.created += answer.body.created;
    report.results.push(...answer.body.results.map((result) => ({ ...result, row: result.row + start })));
    report.problems.push(...answer.body.problems.map((problem) => ({ ...problem, row: problem.row + start })));
  }
  return report;
}

/**
 * The fan-out set-up in one département: `partners` security firms, each a member of the
 * convention with a subscription to the département and a webhook, plus webhooks for the
 * competent prefecture and the national level (a Severe alert reaches both). Seeded through
 * the public bulk imports, as a prefecture onboards its partners: the organisations in the
 * registry, then their webhooks in notification (sent again until notification knows every
 * organisation from partner.changed.v1).
 */
export async function seedFanOut(
  stack: Stack,
  registry: RegistryAccess,
  sink: SignedSink,
  options: { department: string; partners: number },
): Promise<FanOutSeed> {
  const started = Date.now();
  const { department } = options;
  const rows = Array.from({ length: options.partners }, (_, index) => ({
    ...withIdentity({
      kind: 'SECURITY_FIRM',
      name: `Bench subscriber ${department}-${index}`,
      departments: [department],
    }),
    conventions: [CONVENTION],
    subscriptionDepartments: [department],
  }));
  const organisations = await importAll(
    `${registry.registryUrl}/v1/organizations/import?activate=true`,
    registry.adminKey,
    rows,
    (part) => part,
  );
  if (organisations.problems.length > 0 || organisations.created !== options.partners) {
    throw new Error(`organisation import: ${JSON.stringify(organisations.problems.slice(0, 5))}`);
  }
  const endpointOf = new Map(
    organisations.results.map((result) => [result.organisationId, `partner-${department}-${result.row - 1}`]),
  );
  let pending = [...endpointOf.entries()].map(([organisationId, endpoint]) => ({
    organisationId,
    url: sink.url(endpoint),
  }));
  // Notification knows the organisations' own keys, not the registry's administrator key: the
  // competent prefecture imports its partners' webhooks.
  const importer = await issueKey(registry, (await prefectureOf(registry, department)).id);
  const deadline = Date.now() + 120_000;
  while (pending.length > 0) {
    const report = await importAll(`${stack.url('notification')}/v1/webhooks/import`, importer, pending, (part) => ({
      webhooks: part,
    }));
    for (const result of report.results) {
      if (!result.secret) throw new Error(`webhook of ${result.organisationId} registered before the seeding`);
      sink.trust(endpointOf.get(result.organisationId)!, result.secret);
    }
    const unknown = new Set(
      report.problems.filter((problem) => problem.code === 'unknown_organisation').map((p) => p.row),
    );
    if (report.problems.length > unknown.size) throw new Error(`webhook import: ${JSON.stringify(report.problems[0])}`);
    pending = pending.filter((_, index) => unknown.has(index + 1));
    if (pending.length > 0 && Date.now() > deadline)
      throw new Error(`${pending.length} organisations unknown to notification`);
    if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const endpoints = [...endpointOf.values()];
  const admin = { key: registry.adminKey };
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
