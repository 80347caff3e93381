import { request, waitFor, type Stack } from '@vigie/testing';

/** A vigilance message from a prefecture (its API key), through routing's API: its id. */
export async function broadcastFrom(
  stack: Stack,
  prefectureKey: string,
  message: { headline: string; description: string; instruction?: string },
): Promise<string> {
  const sent = await request<{ broadcast: { broadcastId: string } }>(
    'POST',
    `${stack.url('prefect-routing')}/v1/broadcasts`,
    { key: prefectureKey, body: message },
  );
  expect(sent.status).toBe(201);
  return sent.body.broadcast.broadcastId;
}

/** Waits until notification holds the vigilance message for the organisation of `key`. */
export async function waitUntilReceived(stack: Stack, key: string, broadcastId: string): Promise<void> {
  await waitFor(
    async () =>
      (await request('GET', `${stack.url('notification')}/v1/received-broadcasts/${broadcastId}`, { key })).status ===
      200,
    { what: 'the broadcast received by the firm', timeoutMs: 20_000 },
  );
}
