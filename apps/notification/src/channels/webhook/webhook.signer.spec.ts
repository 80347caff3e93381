import { randomBytes } from 'node:crypto';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { newWebhookSecret, signingKey, signWebhook, standardSecret, verifyWebhook } from './webhook.signer';

// What an integrator runs: the reference Standard Webhooks library, given the secret as shown.
describe('webhook signatures (Standard Webhooks)', () => {
  const secret = newWebhookSecret();
  const id = '0b1e4c1e-0000-4000-8000-000000000001';
  const body = JSON.stringify({ deliveryId: id, type: 'alert.routed', alert: { headline: 'Intrusion, quai n°4' } });

  it('issues secrets in the whsec_ base64 form the reference library reads, 32 bytes each', () => {
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(signingKey(secret)).toHaveLength(32);
    const at = new Date('2026-12-01T08:00:00Z');
    expect(signWebhook({ id, secrets: [secret], body, now: at })['webhook-signature']).toBe(
      new Webhook(secret).sign(id, at, body),
    );
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it('is verified by the reference library, which gives back the payload', () => {
    const headers = signWebhook({ id, secrets: [secret], body });
    expect(headers['webhook-id']).toBe(id);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(secret).verify(Buffer.from(body), headers)).not.toThrow();
  });

  it('is refused for a changed body, another secret, id or timestamp', () => {
    const headers = signWebhook({ id, secrets: [secret], body });
    const verify =
      (candidate: Record<string, string>, text = body, key = secret) =>
      () =>
        new Webhook(key).verify(text, candidate);
    expect(verify(headers, body.replace('n°4', 'n°5'))).toThrow(WebhookVerificationError);
    expect(verify(headers, body, newWebhookSecret())).toThrow('No matching signature');
    expect(verify({ ...headers, 'webhook-id': `${id}x` })).toThrow('No matching signature');
    expect(verify({ ...headers, 'webhook-timestamp': String(Number(headers['webhook-timestamp']) - 1) })).toThrow(
      'No matching signature',
    );
  });

  it('is refused once outside the five-minute tolerance (a replay)', () => {
    const old = signWebhook({ id, secrets: [secret], body, now: new Date(Date.now() - 301_000) });
    expect(() => new Webhook(secret).verify(body, old)).toThrow('too old');
    const future = signWebhook({ id, secrets: [secret], body, now: new Date(Date.now() + 301_000) });
    expect(() => new Webhook(secret).verify(body, future)).toThrow('too new');
  });

  it('carries one signature per secret during a rotation, each verifying with its own secret', () => {
    const previous = newWebhookSecret();
    const headers = signWebhook({ id, secrets: [secret, previous], body });
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(secret).verify(body, headers)).toBeTruthy();
    expect(new Webhook(previous).verify(body, headers)).toBeTruthy();
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow('No matching signature');
    expect(
      verifyWebhook({
        secret: previous,
        body,
        timestamp: headers['Vigie-Timestamp'],
        signature: headers['Vigie-Signature'],
      }),
    ).toBe(true);
  });

  it('signs with a secret issued before Standard Webhooks (url-safe base64) through its standard spelling', () => {
    // Chosen so that the url-safe spelling holds '-' and '_', which the reference library misreads.
    let raw = randomBytes(32);
    while (!/[-_]/.test(raw.toString('base64url'))) raw = randomBytes(32);
    const issued = `whsec_${raw.toString('base64url')}`;
    const standard = standardSecret(issued);
    expect(standard).toBe(`whsec_${raw.toString('base64')}`);
    expect(signingKey(issued)).toEqual(raw);
    const headers = signWebhook({ id, secrets: [issued], body });
    expect(new Webhook(standard).verify(body, headers)).toBeTruthy();
    // The deprecated header keeps its own recipe: the secret string exactly as issued.
    expect(
      verifyWebhook({
        secret: issued,
        body,
        timestamp: headers['Vigie-Timestamp'],
        signature: headers['Vigie-Signature'],
      }),
    ).toBe(true);
  });

  it('needs a secret', () => {
    expect(() => signWebhook({ id, secrets: [], body })).toThrow('at least one secret');
    expect(() => signingKey('whsec_')).toThrow('no key');
  });
});

describe('webhook signatures (deprecated Vigie-Signature)', () => {
  const secret = 'whsec_q8V0m3xZbN6tRkP1sYwH4cJdL7uE9aGfT2iOoKlMnBv';
  const body = JSON.stringify({ deliveryId: '0b1e4c1e-0000-4000-8000-000000000001', type: 'alert.routed' });
  const sentAt = new Date('2025-11-28T10:00:00Z');
  const headers = signWebhook({ id: 'd-1', secrets: [secret], body, now: sentAt });
  const signed = { timestamp: headers['Vigie-Timestamp'], signature: headers['Vigie-Signature'] };

  it('signs with the unix timestamp and a v1 HMAC-SHA256, the same value as the standard headers', () => {
    expect(signed.timestamp).toBe(String(sentAt.getTime() / 1000));
    expect(headers['webhook-timestamp']).toBe(signed.timestamp);
    expect(headers['Vigie-Delivery-Id']).toBe('d-1');
    expect(headers['Idempotency-Key']).toBe('d-1');
    expect(signed.signature).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(signWebhook({ id: 'd-1', secrets: [secret], body, now: sentAt })).toEqual(headers);
  });

  it('accepts a genuine delivery', () => {
    expect(verifyWebhook({ secret, body, ...signed, now: sentAt })).toBe(true);
    expect(
      verifyWebhook({ secret, body: Buffer.from(body), ...signed, now: new Date(sentAt.getTime() + 299_000) }),
    ).toBe(true);
  });

  it('refuses a tampered body', () => {
    expect(verifyWebhook({ secret, body: body.replace('alert.routed', 'alert.routeD'), ...signed, now: sentAt })).toBe(
      false,
    );
    expect(verifyWebhook({ secret, body: `${body} `, ...signed, now: sentAt })).toBe(false);
  });

  it('refuses another secret', () => {
    expect(verifyWebhook({ secret: `${secret}x`, body, ...signed, now: sentAt })).toBe(false);
    expect(verifyWebhook({ secret: '', body, ...signed, now: sentAt })).toBe(false);
  });

  it('refuses a replayed delivery once its timestamp is too old, and one from the future', () => {
    expect(verifyWebhook({ secret, body, ...signed, now: new Date(sentAt.getTime() + 301_000) })).toBe(false);
    expect(verifyWebhook({ secret, body, ...signed, now: new Date(sentAt.getTime() - 301_000) })).toBe(false);
    expect(
      verifyWebhook({ secret, body, ...signed, now: new Date(sentAt.getTime() + 3_600_000), toleranceSeconds: 3600 }),
    ).toBe(true);
  });

  it('refuses a signature moved to another timestamp', () => {
    const later = String(Number(signed.timestamp) + 1);
    expect(verifyWebhook({ secret, body, timestamp: later, signature: signed.signature, now: sentAt })).toBe(false);
  });

  it.each([
    [undefined, signed.signature],
    ['', signed.signature],
    ['17e8', signed.signature],
    ['-1', signed.signature],
    [signed.timestamp, undefined],
    [signed.timestamp, ''],
    [signed.timestamp, signed.signature.slice(3)],
    [signed.timestamp, signed.signature.replace('v1=', 'v0=')],
    [signed.timestamp, signed.signature.toUpperCase()],
    [signed.timestamp, `${signed.signature}00`],
  ])('refuses the malformed timestamp %p / signature %p', (timestamp, signature) => {
    expect(verifyWebhook({ secret, body, timestamp, signature, now: sentAt })).toBe(false);
  });
});
