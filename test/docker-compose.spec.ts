// docker-compose.yml is the Docker road to the infrastructure; scripts/infra.sh
// (driven by infra/kafka/pom.xml) is the road without Docker. Nothing runs the
// compose file in CI, so this test is what keeps it honest and in step.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { loadConfig as loadNotificationConfig } from '../apps/notification/src/config';
import { loadConfig as loadRegistryConfig } from '../apps/partner-registry/src/config';

const ROOT = join(__dirname, '..');

interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string; args?: Record<string, string> };
  ports?: Array<string | { target?: number | string; published?: number | string }>;
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  volumes?: Array<string | { source?: string; target?: string }>;
  healthcheck?: { test?: string | string[]; interval?: string; timeout?: string; retries?: number };
}

interface ComposeFile {
  services: Record<string, ComposeService>;
}

const APPS: ReadonlyArray<{ name: string; port: number }> = [
  { name: 'partner-registry', port: 3001 },
  { name: 'alert-ingestion', port: 3002 },
  { name: 'prefect-routing', port: 3003 },
  { name: 'notification', port: 3004 },
];

function read(relativePath: string): string {
  return readFileSync(join(ROOT, relativePath), 'utf8');
}

// merge: true resolves the `<<: *anchor` keys the way docker compose does.
const compose = parse(read('docker-compose.yml'), { merge: true }) as ComposeFile;

function service(name: string): ComposeService {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

function environmentOf(name: string): Record<string, string> {
  const env = service(name).environment ?? {};
  const entries: Array<[string, string]> = Array.isArray(env)
    ? env.map((line): [string, string] => {
        const [key, ...value] = line.split('=');
        return [key, value.join('=')];
      })
    : Object.entries(env).map(([key, value]): [string, string] => [key, String(value ?? '')]);
  return Object.fromEntries(entries);
}

// "3001:3001", "127.0.0.1:3001:3001" or { published, target } -> [published, target]
function publishedPorts(name: string): Array<[number, number]> {
  return (service(name).ports ?? []).map((port): [number, number] => {
    if (typeof port === 'string') {
      const parts = port.split('/')[0].split(':');
      return [Number(parts[parts.length - 2]), Number(parts[parts.length - 1])];
    }
    return [Number(port.published), Number(port.target)];
  });
}

function dependencyConditions(name: string): Record<string, string | undefined> {
  const dependsOn = service(name).depends_on ?? {};
  if (Array.isArray(dependsOn)) {
    return Object.fromEntries(dependsOn.map((dependency) => [dependency, undefined]));
  }
  return Object.fromEntries(Object.entries(dependsOn).map(([dependency, options]) => [dependency, options?.condition]));
}

describe('docker-compose.yml', () => {
  describe('kafka', () => {
    it('runs the Kafka version that scripts/infra.sh resolves from infra/kafka/pom.xml', () => {
      const pomVersion = /<kafka\.version>\s*([^<\s]+)\s*<\/kafka\.version>/.exec(read('infra/kafka/pom.xml'))?.[1];
      expect(pomVersion).toBeDefined();

      const image = service('kafka').image ?? '';
      const [repository, tag] = image.split(':');
      expect(repository).toBe('apache/kafka');
      expect(tag).toBe(pomVersion);
    });

    it('runs a single KRaft node with topic auto-creation disabled', () => {
      const env = environmentOf('kafka');
      expect(env.KAFKA_PROCESS_ROLES).toBe('broker,controller');
      expect(env.KAFKA_NODE_ID).toBe('1');
      expect(env.KAFKA_AUTO_CREATE_TOPICS_ENABLE).toBe('false');
      expect(env.KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR).toBe('1');
      expect(env.KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR).toBe('1');
    });

    it('advertises kafka:9092 to the other containers', () => {
      expect(environmentOf('kafka').KAFKA_ADVERTISED_LISTENERS).toContain('//kafka:9092');
    });

    it('has a healthcheck', () => {
      expect(service('kafka').healthcheck?.test).toBeDefined();
    });
  });

  describe('postgres', () => {
    it('mounts infra/postgres/init.sql as an init script', () => {
      const mounts = (service('postgres').volumes ?? []).map((volume) =>
        typeof volume === 'string' ? volume : `${volume.source}:${volume.target}`,
      );
      expect(
        mounts.some((mount) => /^\.\/infra\/postgres\/init\.sql:\/docker-entrypoint-initdb\.d\//.test(mount)),
      ).toBe(true);
    });

    it.each(['vigie', 'vigie_test'])('creates the database %s in its init script', (database) => {
      const createdDatabases = [...read('infra/postgres/init.sql').matchAll(/create\s+database\s+"?(\w+)"?/gi)].map(
        (match) => match[1],
      );
      expect(createdDatabases).toContain(database);
    });

    it('has a healthcheck', () => {
      expect(service('postgres').healthcheck?.test).toBeDefined();
    });
  });

  describe.each(APPS)('$name', ({ name, port }) => {
    it('is built from the root Dockerfile with its APP build argument', () => {
      const build = service(name).build;
      expect(build?.context ?? '.').toBe('.');
      expect(build?.dockerfile ?? 'Dockerfile').toBe('Dockerfile');
      expect(build?.args?.APP).toBe(name);
      expect(existsSync(join(ROOT, 'Dockerfile'))).toBe(true);
    });

    it(`publishes its default port ${port}`, () => {
      expect(publishedPorts(name)).toContainEqual([port, port]);
    });

    it('is configured through HTTP_HOST, HTTP_PORT, DATABASE_URL and KAFKA_BROKERS', () => {
      const env = environmentOf(name);
      expect(env.HTTP_HOST).toBe('0.0.0.0');
      expect(env.HTTP_PORT).toBe(String(port));
      expect(env.DATABASE_URL).toBe('postgres://postgres@postgres:5432/vigie');
      expect(env.KAFKA_BROKERS).toBe('kafka:9092');
    });

    it('waits for kafka and postgres to be healthy', () => {
      expect(dependencyConditions(name)).toEqual(
        expect.objectContaining({ kafka: 'service_healthy', postgres: 'service_healthy' }),
      );
    });
  });

  it('requires the partner-registry admin key and the notification secrets key', () => {
    expect(environmentOf('partner-registry').REGISTRY_ADMIN_API_KEY).toMatch(/^\$\{REGISTRY_ADMIN_API_KEY:\?.+\}$/);
    expect(environmentOf('notification').WEBHOOK_SECRETS_KEY).toMatch(/^\$\{WEBHOOK_SECRETS_KEY:\?.+\}$/);
    expect(environmentOf('notification').WEBHOOK_ALLOW_PRIVATE_TARGETS).toBe('false');
  });

  describe('prometheus and grafana', () => {
    const scraped = parse(read('infra/prometheus/prometheus.yml')) as {
      rule_files: string[];
      scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[];
    };

    it('scrape every service on its metrics port (HTTP port + 100), which the services open to the compose network', () => {
      for (const { name, port } of APPS) {
        const job = scraped.scrape_configs.find((config) => config.job_name === `vigie-${name}`);
        expect(job?.static_configs[0].targets).toEqual([`${name}:${port + 100}`]);
        expect(environmentOf(name).METRICS_HOST).toBe('0.0.0.0');
        expect(publishedPorts(name).map(([, target]) => target)).not.toContain(port + 100);
      }
    });

    it('load the alerting rules and the dashboard from infra/', () => {
      const mounts = (name: string) =>
        (service(name).volumes ?? []).map((volume) => (typeof volume === 'string' ? volume : JSON.stringify(volume)));
      expect(mounts('prometheus')).toContain('./infra/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro');
      expect(scraped.rule_files).toEqual(['/etc/prometheus/alerts.yml']);
      expect(mounts('grafana')).toContain('./infra/grafana/dashboards:/var/lib/grafana/dashboards:ro');
      const provider = parse(read('infra/grafana/provisioning/dashboards/vigie.yml')) as {
        providers: { options: { path: string } }[];
      };
      expect(provider.providers[0].options.path).toBe('/var/lib/grafana/dashboards');
      expect(existsSync(join(ROOT, 'infra/grafana/dashboards/vigie.json'))).toBe(true);
    });

    it('are published on 127.0.0.1 only', () => {
      for (const name of ['prometheus', 'grafana']) {
        for (const port of service(name).ports ?? [])
          expect(typeof port === 'string' ? port : JSON.stringify(port)).toMatch(/^127\.0\.0\.1:/);
      }
    });
  });
});

describe('docker-compose.yml against the Compose Specification', () => {
  // The schema is vendored from the compose-spec project (test/schemas/README.md says where from).
  // Its draft-04 `id` annotations (strings, never a property named id) validate nothing and
  // Ajv refuses them under draft 2019-09: they are dropped when read.
  const schema = JSON.parse(read('test/schemas/compose-spec.json'), (key, value: unknown) =>
    key === 'id' && typeof value === 'string' ? undefined : value,
  ) as object;
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  // The spec's own format for `expose` entries ("3000", "3000-3005/tcp"); no entry uses it here.
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp))?$/);
  const validate = ajv.compile(schema);

  it('is valid', () => {
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would reject a misspelt service key (the validation is not vacuous)', () => {
    const broken = structuredClone(compose) as unknown as { services: Record<string, Record<string, unknown>> };
    broken.services.kafka.helthcheck = broken.services.kafka.healthcheck;
    expect(validate(broken)).toBe(false);
    expect(JSON.stringify(validate.errors)).toContain('helthcheck');
  });
});

describe('health checks', () => {
  it.each(Object.keys(compose.services))('%s has a health check', (name) => {
    expect(service(name).healthcheck?.test).toBeDefined();
  });

  // The probe the four service containers run, executed here against real loopback servers.
  const probe = service('partner-registry').healthcheck?.test as string[];
  const runProbe = (port: number) =>
    promisify(execFile)(process.execPath, probe.slice(2), { env: { ...process.env, HTTP_PORT: String(port) } }).then(
      () => 0,
      (error: { code?: number }) => error.code ?? -1,
    );
  const serve = (status: number): Promise<Server> =>
    new Promise((resolve) => {
      const server = createServer((request, response) => {
        response.statusCode = request.url === '/health/live' ? status : 404;
        response.end();
      });
      server.listen(0, '127.0.0.1', () => resolve(server));
    });

  it('every service container probes /health/live with node (the image has no curl)', () => {
    for (const { name } of APPS) {
      expect(service(name).healthcheck?.test).toEqual(probe);
    }
    expect(probe.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
    expect(probe[3]).toContain('/health/live');
  });

  it('the probe passes on a 200, fails on a 503 and when nothing listens', async () => {
    const up = await serve(200);
    const down = await serve(503);
    const closedPort = (up.address() as AddressInfo).port;
    try {
      expect(await runProbe(closedPort)).toBe(0);
      expect(await runProbe((down.address() as AddressInfo).port)).toBe(1);
    } finally {
      await Promise.all([up, down].map((server) => new Promise((resolve) => server.close(resolve))));
    }
    expect(await runProbe(closedPort)).toBe(1);
  });
});

describe('the secrets recipe at the top of docker-compose.yml', () => {
  // The comment lines from `printf` to `> .env`, run as written, except that .env goes to a temporary folder.
  const recipe = (() => {
    const lines = read('docker-compose.yml')
      .split('\n')
      .map((line) => line.replace(/^#\s{3}/, ''));
    const start = lines.findIndex((line) => line.startsWith('printf '));
    const end = lines.findIndex((line, index) => index >= start && line.trimEnd().endsWith('> .env'));
    return lines.slice(start, end + 1).join('\n');
  })();

  it('produces keys that the partner registry and notification accept', async () => {
    expect(recipe).toMatch(/^printf [\s\S]+> \.env$/);
    const folder = mkdtempSync(join(tmpdir(), 'vigie-env-'));
    try {
      const script = recipe.replace(/> \.env$/, `> '${join(folder, '.env')}'`);
      await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script], { cwd: ROOT });
      const env = Object.fromEntries(
        readFileSync(join(folder, '.env'), 'utf8')
          .trim()
          .split('\n')
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      ) as Record<string, string>;
      expect(Object.keys(env).sort()).toEqual(['REGISTRY_ADMIN_API_KEY', 'WEBHOOK_SECRETS_KEY']);
      expect(loadRegistryConfig({ REGISTRY_ADMIN_API_KEY: env.REGISTRY_ADMIN_API_KEY }).adminApiKey).toBe(
        env.REGISTRY_ADMIN_API_KEY,
      );
      expect(loadNotificationConfig({ WEBHOOK_SECRETS_KEY: env.WEBHOOK_SECRETS_KEY }).webhooks.secretsKey).toBe(
        env.WEBHOOK_SECRETS_KEY.toLowerCase(),
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('Dockerfile', () => {
  const packageJson = JSON.parse(read('package.json')) as {
    engines: { node: string };
    devDependencies: Record<string, string>;
  };
  const major = (range: string) => Number(/(\d+)\./.exec(range)?.[1]);

  it('runs on the Node.js LTS line package.json pins', () => {
    const image = /^ARG NODE_IMAGE=(\S+)$/m.exec(read('Dockerfile'))?.[1] ?? '';
    const [repository, tag] = image.split(':');
    expect(repository).toBe('node');
    const imageMajor = Number(/^(\d+)-/.exec(tag)?.[1]);
    // Even majors become LTS; odd ones never do.
    expect(imageMajor % 2).toBe(0);
    expect(imageMajor).toBe(major(packageJson.devDependencies.node));
    expect(imageMajor).toBe(major(packageJson.engines.node));
    expect(tag).toMatch(/-slim$/);
  });

  it('builds both stages from that image', () => {
    expect([...read('Dockerfile').matchAll(/^FROM\s+(\S+)/gm)].map((match) => match[1])).toEqual([
      '${NODE_IMAGE}',
      '${NODE_IMAGE}',
    ]);
  });
});
