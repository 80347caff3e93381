import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { NotificationConfig } from '../../config';
import type { ClaimedDelivery } from '../../deliveries/delivery.queue';
import { SecretBox } from '../../webhooks/secret-box';
import { previousSecretData } from '../../webhooks/webhook.entity';
import { WebhookChannel } from './webhook.channel';
import { newWebhookSecret } from './webhook.signer';

// A receiver on the loopback interface only; nothing else is ever contacted.
describe('the webhook channel', () => {
  let server: Server;
  let url: string;
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const box = SecretBox.fromHex(randomBytes(32).toString('hex'));
  const config = {
    delivery: { timeoutMs: 2000 },
    webhooks: { allowPrivateTargets: true },
  } as NotificationConfig;
  const shutdown = new AbortController().signal;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString() });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    received.length = 0;
  });

  const webhookId = randomUUID();
  const delivery = (sealed: string, previous?: string): ClaimedDelivery =>
    ({
      id: randomUUID(),
      webhook_id: webhookId,
      url,
      secret_ciphertext: sealed,
      previous_secret_ciphertext: previous ?? null,
      previous_secret_expires_at: previous ? new Date(Date.now() + 60_000) : null,
      disabled_at: null,
      body: { type: 'alert.routed', recipient: 'Veille Rhône' },
    }) as unknown as ClaimedDelivery;
  const verifies = (secret: string, hit: { headers: IncomingHttpHeaders; body: string }): boolean => {
    try {
      new Webhook(secret).verify(hit.body, hit.headers as Record<string, string>);
      return true;
    } catch {
      return false;
    }
  };

  it('opens an endpoint’s secret once for all its deliveries, and a rotated one afresh', async () => {
    const channel = new WebhookChannel(box, config);
    const opening = jest.spyOn(box, 'decrypt');
    const first = newWebhookSecret();
    const sealedFirst = box.encrypt(first, webhookId);

    for (let n = 0; n < 3; n++) {
      await expect(channel.send(delivery(sealedFirst), shutdown)).resolves.toEqual({ kind: 'response', status: 204 });
    }
    expect(opening).toHaveBeenCalledTimes(1);
    expect(received.every((hit) => verifies(first, hit))).toBe(true);

    // Rotated: the new secret signs, and the previous one too during the overlap.
    const second = newWebhookSecret();
    const rotated = delivery(box.encrypt(second, webhookId), box.encrypt(first, previousSecretData(webhookId)));
    await expect(channel.send(rotated, shutdown)).resolves.toEqual({ kind: 'response', status: 204 });
    expect(opening).toHaveBeenCalledTimes(3);
    const last = received[received.length - 1];
    expect([verifies(second, last), verifies(first, last)]).toEqual([true, true]);
    opening.mockRestore();
  });

  it('reports a secret sealed for another endpoint as an error, without sending', async () => {
    const channel = new WebhookChannel(box, config);
    const sealedElsewhere = box.encrypt(newWebhookSecret(), randomUUID());
    await expect(channel.send(delivery(sealedElsewhere), shutdown)).resolves.toEqual({
      kind: 'error',
      message: 'sealed secret does not open with this key',
    });
    expect(received).toHaveLength(0);
  });
});
