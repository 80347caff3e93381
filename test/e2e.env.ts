import { randomBytes, randomUUID } from 'node:crypto';

/**
 * Where the end-to-end tests find their infrastructure. scripts/test.sh starts a dedicated,
 * freshly formatted broker for them, so they never share topics with a running demo.
 */
export const e2eEnv = {
  kafkaBrokers: process.env.VIGIE_TEST_KAFKA_BROKERS ?? '127.0.0.1:19092',
  databaseUrl: process.env.VIGIE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/vigie_test',
  basePort: Number(process.env.VIGIE_TEST_BASE_PORT ?? 3100),
};

export function newAdminKey(): string {
  return `vgk_${randomUUID()}_${randomBytes(32).toString('base64url')}`;
}

export function newSecretsKey(): string {
  return randomBytes(32).toString('hex');
}
