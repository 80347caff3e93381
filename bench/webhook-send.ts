import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { WebhookChannel } from '../apps/notification/src/channels/webhook/webhook.channel';
import { newWebhookSecret } from '../apps/notification/src/channels/webhook/webhook.signer';
import type { NotificationConfig } from '../apps/notification/src/config';
import type { ClaimedDelivery } from '../apps/notification/src/deliveries/delivery.queue';
import { SecretBox } from '../apps/notification/src/webhooks/secret-box';

/**
 * The CPU one webhook attempt costs notification, the sending side alone: the webhook channel
 * (the endpoint's secret opened, the target checked, the body signed, the request sent and its
 * answer read) against a receiver in another process, to 1,000 endpoints each with its own
 * secret, 50 requests at once over kept-alive connections, as the dispatcher sends a fan-out.
 * Prints microseconds of this process's CPU (user + system) per request for each of five rounds
 * after a warm-up; compare two builds by running each in turn
 * (`node dist/bench/webhook-send.js [requests per round]`).
 */

const CONCURRENCY = 50;
const ROUNDS = 5;
const requests = Number(process.argv[2] ?? 4000);

/** A receiver that answers 204 to anything, in a process of its own; its port. */
function startReceiver(): Promise<{ port: number; stop: () => void }> {
  const receiver = spawn(
    process.execPath,
    [
      '-e',
      `require('node:http').createServer((q, s) => q.resume().on('end', () => s.writeHead(204).end()))
         .listen(0, '127.0.0.1', function () { console.log(this.address().port); });`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve) =>
    receiver.stdout.once('data', (data) => resolve({ port: Number(String(data).trim()), stop: () => receiver.kill() })),
  );
}

async function main(): Promise<void> {
  const { port, stop } = await startReceiver();
  // An alert's body is about 2 kB; every endpoint has its own secret, sealed as stored.
  const box = SecretBox.fromHex(randomBytes(32).toString('hex'));
  const body = { type: 'alert.routed', alert: { description: 'x'.repeat(1800) }, recipient: 'r' };
  const endpoints = Array.from({ length: 1000 }, (_, n) => {
    const webhookId = randomUUID();
    return {
      webhookId,
      url: `http://127.0.0.1:${port}/hooks/${n}`,
      sealed: box.encrypt(newWebhookSecret(), webhookId),
    };
  });
  const config = { delivery: { timeoutMs: 5000 }, webhooks: { allowPrivateTargets: true } } as NotificationConfig;
  const channel = new WebhookChannel(box, config);
  const shutdown = new AbortController();
  setMaxListeners(0, shutdown.signal);
  const send = async (count: number): Promise<void> => {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < count) {
        const endpoint = endpoints[next++ % endpoints.length];
        const delivery = {
          id: randomUUID(),
          webhook_id: endpoint.webhookId,
          url: endpoint.url,
          secret_ciphertext: endpoint.sealed,
          previous_secret_ciphertext: null,
          previous_secret_expires_at: null,
          disabled_at: null,
          body,
        } as unknown as ClaimedDelivery;
        const result = await channel.send(delivery, shutdown.signal);
        if (result.kind !== 'response' || result.status !== 204) throw new Error(JSON.stringify(result));
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  };
  await send(requests * 1.5);
  const perRequest: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const before = process.cpuUsage();
    await send(requests);
    const used = process.cpuUsage(before);
    perRequest.push(((used.user + used.system) / requests).toFixed(1));
  }
  stop();
  console.log(`µs of CPU per webhook request, ${ROUNDS} rounds of ${requests}: ${perRequest.join(' ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
