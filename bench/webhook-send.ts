import { spawn } from 'node:child_process';
import { setMaxListeners } from 'node:events';
import { sendWebhook } from '../apps/notification/src/channels/webhook/webhook.sender';

/**
 * The CPU one webhook attempt costs notification, the sending side alone: `sendWebhook` (target
 * check, signature, request, response) against a receiver in another process, 50 at once over
 * kept-alive connections, as the dispatcher sends a fan-out. Prints microseconds of this
 * process's CPU (user + system) per request for each of five rounds after a warm-up; compare two
 * builds by running each in turn (`node dist/bench/webhook-send.js [requests per round]`).
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
  // An alert's body is about 2 kB; every attempt is signed with one secret.
  const body = JSON.stringify({ type: 'alert.routed', alert: { description: 'x'.repeat(1800) }, recipient: 'r' });
  const secrets = [`whsec_${Buffer.alloc(32, 7).toString('base64')}`];
  const shutdown = new AbortController();
  setMaxListeners(0, shutdown.signal);
  const options = { timeoutMs: 5000, allowPrivateTargets: true, shutdown: shutdown.signal };
  const send = async (count: number): Promise<void> => {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < count) {
        const n = next++;
        const url = `http://127.0.0.1:${port}/hooks/${n % 1000}`;
        const result = await sendWebhook({ deliveryId: `d-${n}`, url, secrets, body }, options);
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
