import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { apiDescription, describeService, type ServiceDefinition, type ServiceConfig } from '@vigie/platform';
import { service as ingestion } from '../apps/alert-ingestion/src/service';
import { service as notification } from '../apps/notification/src/service';
import { service as registry } from '../apps/partner-registry/src/service';
import { service as routing } from '../apps/prefect-routing/src/service';

/**
 * Writes docs/openapi.json, the one description of the public API of the four services, from
 * their controllers (in preview mode: no database, no broker). `--check` writes nothing and
 * fails when the committed file differs from what the code describes.
 */
const ROOT = join(__dirname, '..', '..');
const OUTPUT = join(ROOT, 'docs', 'openapi.json');
/** The typed client's types (openapi-typescript), generated from the same document. */
const CLIENT_TYPES = join(ROOT, 'libs', 'client', 'src', 'schema.ts');

async function clientTypes(description: object): Promise<string> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS(description as Parameters<typeof openapiTS>[0], {
    alphabetize: true,
    defaultNonNullable: false,
  });
  return `// Generated from docs/openapi.json by \`npm run openapi\`: do not edit.\n\n${astToString(ast)}`;
}

// Configuration the services refuse to start without; describing them reads none of it.
const ENV: NodeJS.ProcessEnv = {
  REGISTRY_ADMIN_API_KEY: `vgk_00000000-0000-4000-8000-000000000000_${'A'.repeat(43)}`,
  WEBHOOK_SECRETS_KEY: '0'.repeat(64),
};

// The default local ports; in production each is behind the operator's reverse proxy.
const SERVICES: [ServiceDefinition<ServiceConfig>, string][] = [
  [registry as unknown as ServiceDefinition<ServiceConfig>, 'http://127.0.0.1:3001'],
  [ingestion as unknown as ServiceDefinition<ServiceConfig>, 'http://127.0.0.1:3002'],
  [routing, 'http://127.0.0.1:3003'],
  [notification as unknown as ServiceDefinition<ServiceConfig>, 'http://127.0.0.1:3004'],
];

async function main(): Promise<void> {
  const parts = [];
  for (const [definition, url] of SERVICES) {
    parts.push({
      name: definition.loadConfig(ENV).name,
      url,
      raw: await describeService(definition, ENV),
      ...definition.docs,
    });
  }
  const description = apiDescription(
    {
      title: 'Vigie API',
      description:
        'The public API of the four Vigie services. Each path is served by the service its `servers` name. ' +
        'Every error is `application/problem+json` (RFC 9457, the `Problem` schema). Webhook deliveries and ' +
        'the live stream carry the payloads described under `webhooks`.',
    },
    parts,
  );
  const text = `${JSON.stringify(description, null, 2)}\n`;
  const types = await clientTypes(description);
  if (process.argv.includes('--check')) {
    const stale = [
      [OUTPUT, text],
      [CLIENT_TYPES, types],
    ].filter(([file, expected]) => !existsSync(file) || readFileSync(file, 'utf8') !== expected);
    if (stale.length > 0) {
      console.error(
        `stale: ${stale.map(([file]) => relative(ROOT, file)).join(', ')}; run \`npm run build && npm run openapi\` and commit`,
      );
      process.exit(1);
    }
    console.log('docs/openapi.json and the client types match the code');
    return;
  }
  writeFileSync(OUTPUT, text);
  writeFileSync(CLIENT_TYPES, types);
  console.log(`wrote docs/openapi.json (${Object.keys(description.paths as object).length} paths)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
