import { loadConfig } from './config';

const KEY = 'ab'.repeat(32);

describe('notification configuration', () => {
  it('applies the defaults', () => {
    const config = loadConfig({ WEBHOOK_SECRETS_KEY: KEY });
    expect(config.http.port).toBe(3004);
    expect(config.schema).toBe('notification');
    expect(config.kafka).toMatchObject({ clientId: 'notification', groupId: 'notification' });
    expect(config.delivery).toEqual({
      timeoutMs: 5000,
      maxAttempts: 8,
      retryBaseMs: 1000,
      perTarget: 4,
      maxInFlight: 1000,
    });
    expect(config.webhooks).toEqual({
      secretsKey: KEY,
      allowPrivateTargets: false,
      disableAfter: { failures: 20, seconds: 86400 },
    });
    expect(config.email).toEqual({
      smtpUrl: null,
      from: 'Vigie <no-reply@vigie.invalid>',
      publicBaseUrl: 'http://127.0.0.1:3004',
      ackLinkTtlSeconds: 604800,
    });
    expect(config.escalation).toEqual({ deadlineSeconds: 900, pollIntervalMs: 1000 });
  });

  it('reads the webhook settings', () => {
    const config = loadConfig({
      WEBHOOK_SECRETS_KEY: KEY.toUpperCase(),
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOK_TIMEOUT_MS: '1500',
      WEBHOOK_MAX_ATTEMPTS: '3',
      WEBHOOK_DISABLE_AFTER_FAILURES: '5',
      WEBHOOK_DISABLE_AFTER_SECONDS: '0',
      DELIVERY_CONCURRENCY_PER_TARGET: '1',
      DELIVERY_MAX_IN_FLIGHT: '50',
    });
    expect(config.delivery).toEqual({
      timeoutMs: 1500,
      maxAttempts: 3,
      retryBaseMs: 1000,
      perTarget: 1,
      maxInFlight: 50,
    });
    expect(config.webhooks).toEqual({
      secretsKey: KEY,
      allowPrivateTargets: true,
      disableAfter: { failures: 5, seconds: 0 },
    });
  });

  it('keeps private targets refused when the flag is false', () => {
    expect(
      loadConfig({ WEBHOOK_SECRETS_KEY: KEY, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false' }).webhooks.allowPrivateTargets,
    ).toBe(false);
  });

  it('reads the e-mail and escalation settings', () => {
    const config = loadConfig({
      WEBHOOK_SECRETS_KEY: KEY,
      SMTP_URL: 'smtp://127.0.0.1:2525',
      PUBLIC_BASE_URL: 'https://vigie.example.fr/notification/',
      ESCALATION_DEADLINE_SECONDS: '3',
    });
    expect(config.email).toMatchObject({
      smtpUrl: 'smtp://127.0.0.1:2525',
      publicBaseUrl: 'https://vigie.example.fr/notification',
    });
    expect(config.escalation.deadlineSeconds).toBe(3);
  });

  it.each([
    [{}, /WEBHOOK_SECRETS_KEY/],
    [{ WEBHOOK_SECRETS_KEY: KEY, SMTP_URL: 'http://mail' }, /SMTP_URL/],
    [{ WEBHOOK_SECRETS_KEY: KEY, PUBLIC_BASE_URL: 'javascript:alert(1)' }, /PUBLIC_BASE_URL/],
    [{ WEBHOOK_SECRETS_KEY: KEY, ESCALATION_DEADLINE_SECONDS: '0' }, /ESCALATION_DEADLINE_SECONDS/],
    [{ WEBHOOK_SECRETS_KEY: 'ab'.repeat(16) }, /WEBHOOK_SECRETS_KEY/],
    [{ WEBHOOK_SECRETS_KEY: 'zz'.repeat(32) }, /WEBHOOK_SECRETS_KEY/],
    [{ WEBHOOK_SECRETS_KEY: KEY, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'yes' }, /WEBHOOK_ALLOW_PRIVATE_TARGETS/],
    [{ WEBHOOK_SECRETS_KEY: KEY, WEBHOOK_MAX_ATTEMPTS: '0' }, /WEBHOOK_MAX_ATTEMPTS/],
  ])('refuses %p', (env, problem) => {
    expect(() => loadConfig(env)).toThrow(problem);
  });
});
