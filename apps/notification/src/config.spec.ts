import { loadConfig } from './config';

const KEY = 'ab'.repeat(32);

describe('notification configuration', () => {
  it('applies the defaults', () => {
    const config = loadConfig({ WEBHOOK_SECRETS_KEY: KEY });
    expect(config.http.port).toBe(3004);
    expect(config.schema).toBe('notification');
    expect(config.kafka).toMatchObject({ clientId: 'notification', groupId: 'notification' });
    expect(config.webhooks).toEqual({ secretsKey: KEY, allowPrivateTargets: false, timeoutMs: 5000, maxAttempts: 8 });
  });

  it('reads the webhook settings', () => {
    const config = loadConfig({
      WEBHOOK_SECRETS_KEY: KEY.toUpperCase(),
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOK_TIMEOUT_MS: '1500',
      WEBHOOK_MAX_ATTEMPTS: '3',
    });
    expect(config.webhooks).toEqual({ secretsKey: KEY, allowPrivateTargets: true, timeoutMs: 1500, maxAttempts: 3 });
  });

  it('keeps private targets refused when the flag is false', () => {
    expect(
      loadConfig({ WEBHOOK_SECRETS_KEY: KEY, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false' }).webhooks.allowPrivateTargets,
    ).toBe(false);
  });

  it.each([
    [{}, /WEBHOOK_SECRETS_KEY/],
    [{ WEBHOOK_SECRETS_KEY: 'ab'.repeat(16) }, /WEBHOOK_SECRETS_KEY/],
    [{ WEBHOOK_SECRETS_KEY: 'zz'.repeat(32) }, /WEBHOOK_SECRETS_KEY/],
    [{ WEBHOOK_SECRETS_KEY: KEY, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'yes' }, /WEBHOOK_ALLOW_PRIVATE_TARGETS/],
    [{ WEBHOOK_SECRETS_KEY: KEY, WEBHOOK_MAX_ATTEMPTS: '0' }, /WEBHOOK_MAX_ATTEMPTS/],
  ])('refuses %p', (env, problem) => {
    expect(() => loadConfig(env)).toThrow(problem);
  });
});
