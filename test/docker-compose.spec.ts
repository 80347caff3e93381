// docker-compose.yml is the Docker road to the infrastructure; scripts/infra.sh
// (driven by infra/kafka/pom.xml) is the road without Docker. Nothing runs the
// compose file in CI, so this test is what keeps it honest and in step.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..');

interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string; args?: Record<string, string> };
  ports?: Array<string | { target?: number | string; published?: number | string }>;
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  volumes?: Array<string | { source?: string; target?: string }>;
  healthcheck?: { test?: string | string[] };
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
