import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { Stack, issueKey, request, waitFor } from '@vigie/testing';
import { verifyWebhook } from '../../apps/notification/src/channels/webhook/webhook.signer';
import { e2eEnv, newSecretsKey } from '../e2e.env';
import { startTestStack } from '../test-stack';
import { readmeVerify } from './readme-recipe';
import { NOTES, recordAttack, useSecurityWorld } from './security-world';

/** The rate limit of the hardened notification instance. */
const LIMIT = 40;

/** Webhooks and request floods: signatures, redirects, SSRF and rate limits. */
describe('security: webhook signatures, redirects, SSRF and rate limits', () => {
  const world = useSecurityWorld('security-webhooks', 200, { victimRecords: true });

  it('signs each delivery so that the README recipe refuses a tampered body, a replayed timestamp and another secret', async () => {
    const { targets, victimSecret } = world;
    const victimSink = world.victimSink!;
    const delivery = victimSink.received.find((hit) => hit.body.includes(targets.victim.receivedAlertId))!;
    const timestamp = String(delivery.headers['vigie-timestamp']);
    const signature = String(delivery.headers['vigie-signature']);
    const sentAt = Number(timestamp) * 1000;
    let now = sentAt;
    const verify = readmeVerify(() => now);
    const tampered = delivery.body.replace('"CLEAR"', '"RED"');
    expect(tampered).not.toBe(delivery.body);

    expect(verify(victimSecret, delivery.body, timestamp, signature)).toBe(true);
    const forgeries: [string, () => boolean, Parameters<typeof verifyWebhook>[0]][] = [
      [
        'a tampered body',
        () => verify(victimSecret, tampered, timestamp, signature),
        { secret: victimSecret, body: tampered, timestamp, signature, now: new Date(now) },
      ],
      [
        'a body with a byte added',
        () => verify(victimSecret, `${delivery.body} `, timestamp, signature),
        { secret: victimSecret, body: `${delivery.body} `, timestamp, signature, now: new Date(now) },
      ],
      [
        'another secret',
        () => verify(newSecretsKey(), delivery.body, timestamp, signature),
        { secret: newSecretsKey(), body: delivery.body, timestamp, signature, now: new Date(now) },
      ],
      [
        'a fresh timestamp on the old signature',
        () => verify(victimSecret, delivery.body, String(Number(timestamp) + 60), signature),
        {
          secret: victimSecret,
          body: delivery.body,
          timestamp: String(Number(timestamp) + 60),
          signature,
          now: new Date(now),
        },
      ],
      [
        'no signature',
        () => verify(victimSecret, delivery.body, timestamp, 'v1='),
        { secret: victimSecret, body: delivery.body, timestamp, signature: 'v1=', now: new Date(now) },
      ],
    ];
    const verified = forgeries.filter(([, recipe, input]) => recipe() || verifyWebhook(input)).map(([name]) => name);
    // The captured request replayed: fine within five minutes, refused after.
    now = sentAt + 299_000;
    expect(verify(victimSecret, delivery.body, timestamp, signature)).toBe(true);
    now = sentAt + 301_000;
    const replayed = verify(victimSecret, delivery.body, timestamp, signature);
    if (
      replayed ||
      verifyWebhook({ secret: victimSecret, body: delivery.body, timestamp, signature, now: new Date(now) })
    ) {
      verified.push('a replay after five minutes');
    }
    recordAttack({
      scenario:
        'HMAC: tampered body, added byte, other secret, re-stamped signature, empty signature, replay after 5 min',
      sent: forgeries.length + 1,
      accepted: verified.length,
      notes: `${NOTES.common} Here accepted = forgeries that the README recipe or verifyWebhook() accepted; checked on a real delivery.`,
    });
    expect(verified).toEqual([]);
  }, 60_000);

  it('does not follow a webhook that redirects, even to loopback', async () => {
    const { targets, victim, redirectWebhookId, call } = world;
    const delivery = await waitFor(
      async () => {
        const deliveries = await call(
          'notification',
          'GET',
          `/v1/deliveries?alertId=${targets.victim.receivedAlertId}`,
          {
            key: victim.key,
          },
        );
        return deliveries.body.find(
          (entry: { webhookId: string; attempts: number }) =>
            entry.webhookId === redirectWebhookId && entry.attempts > 0,
        );
      },
      { what: 'an attempt on the redirecting webhook', timeoutMs: 30_000 },
    );
    // Not delivered: retried (and in the end given up) like any other failure.
    expect(delivery).toMatchObject({ lastError: 'HTTP 307 (redirects are not followed)' });
    expect(delivery.status).not.toBe('sent');
    expect(world.redirectTarget!.received).toEqual([]);
    world.expectNothingDisclosed('the redirect check');
  }, 60_000);

  describe('a notification instance with private targets refused and a low rate limit', () => {
    let hardened: Stack;
    let ssrfKey: string;
    let rateKeys: string[];

    beforeAll(async () => {
      const { registry, attacker, adminKey } = world;
      const database = `${e2eEnv.databaseUrl.split('/').pop()}_hardened`;
      const admin = new Client({ connectionString: e2eEnv.databaseUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${database}`);
      await admin.query(`CREATE DATABASE ${database}`);
      await admin.end();
      [ssrfKey, ...rateKeys] = await Promise.all([1, 2, 3].map(() => issueKey(registry, attacker.id)));
      const probe = await issueKey(registry, attacker.id); // issued last: once known, the others are too
      hardened = await startTestStack(
        'security-hardened',
        170,
        { adminKey },
        {
          databaseUrl: e2eEnv.databaseUrl.replace(/\/[^/]+$/, `/${database}`),
          services: ['notification'],
          env: {
            KAFKA_GROUP_ID: `notification-hardened-${randomUUID()}`,
            WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false',
            RATE_LIMIT_PER_MINUTE: String(LIMIT),
          },
        },
      );
      // Slow polling: the probe key has a budget of LIMIT requests a minute too.
      await waitFor(
        async () => (await request('GET', `${hardened.url('notification')}/v1/me`, { key: probe })).status === 200,
        {
          what: 'the hardened instance to know the keys',
          timeoutMs: LIMIT * 1000,
          intervalMs: 1000,
        },
      );
    }, 120_000);

    afterAll(async () => {
      await hardened?.stop();
    }, 30_000);

    it('refuses webhooks to loopback however it is spelt, and registers none', async () => {
      const { client } = world;
      const redirector = world.redirector!;
      const redirectTarget = world.redirectTarget!;
      const port = (redirector.address() as AddressInfo).port;
      const targetsOfAttack = [
        `http://127.0.0.1:${port}/hook`,
        `http://localhost:${port}/hook`,
        'https://127.0.0.1/hook',
        'https://127.1/hook',
        'https://0177.0.0.1/hook',
        'https://2130706433/hook',
        'https://0x7f000001/hook',
        'https://0.0.0.0/hook',
        'https://[::1]/hook',
        'https://[::]/hook',
        'https://[::ffff:127.0.0.1]/hook',
        'https://[::ffff:7f00:1]/hook',
        'https://[0:0:0:0:0:ffff:127.0.0.1]/hook',
        'https://localhost/hook',
      ];
      const registered: string[] = [];
      for (const target of targetsOfAttack) {
        const answer = await client.call('POST', `${hardened.url('notification')}/v1/webhooks`, {
          key: ssrfKey,
          json: { url: target },
        });
        if (answer.status !== 400 || answer.body.error !== 'invalid_webhook_target')
          registered.push(`${target}: ${answer.status}`);
      }
      const listed = await client.call('GET', `${hardened.url('notification')}/v1/webhooks`, { key: ssrfKey });
      expect(listed.body).toEqual([]);
      recordAttack({
        scenario: `webhook SSRF: loopback in ${targetsOfAttack.length} spellings (decimal, hex, octal, IPv4-mapped IPv6, localhost) refused; a redirect to loopback not followed`,
        sent: targetsOfAttack.length + 1,
        accepted: registered.length,
        delivered: redirectTarget.received.length,
        notes:
          `${NOTES.common} Here delivered = requests that reached the redirect's loopback target. 169.254.169.254, private ` +
          'and other non-public ranges are refused by the same check, tested without any connection in webhook-target.policy.spec.ts.',
      });
      expect(registered).toEqual([]);
      world.expectNothingDisclosed('the SSRF attempts');
    }, 60_000);

    it('limits each API key, and key-less requests by address, answering 429 with Retry-After', async () => {
      const { client } = world;
      const webhooks = `${hardened.url('notification')}/v1/webhooks`;
      const statuses: number[] = [];
      for (let i = 0; i < LIMIT + 3; i++)
        statuses.push((await client.call('GET', webhooks, { key: rateKeys[0] })).status);
      const refused = await client.call('GET', webhooks, { key: rateKeys[0] });
      const other = await client.call('GET', webhooks, { key: rateKeys[1] });
      const anonymous: number[] = [];
      for (let i = 0; i < LIMIT + 1; i++) anonymous.push((await client.call('GET', webhooks)).status);
      const health = await client.call('GET', `${hardened.url('notification')}/health`);
      const overLimit = statuses.slice(LIMIT).filter((status) => status !== 429).length;
      recordAttack({
        scenario: `rate limiting: ${LIMIT + 4} requests with one key and ${LIMIT + 1} without a key, limit ${LIMIT}/min`,
        sent: statuses.length + 1 + anonymous.length,
        accepted: overLimit,
        notes: `${NOTES.common} Here accepted = requests beyond the limit that were not answered 429.`,
      });
      expect(statuses).toEqual([...Array(LIMIT).fill(200), 429, 429, 429]);
      expect(refused.body).toMatchObject({ error: 'too_many_requests' });
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(other.status).toBe(200);
      expect(anonymous).toEqual([...Array(LIMIT).fill(401), 429]);
      expect(health.status).toBe(200);
      world.expectNothingDisclosed('the rate-limited requests');
    }, 60_000);
  });
});
