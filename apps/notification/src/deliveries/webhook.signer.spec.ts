import { signWebhook, verifyWebhook } from './webhook.signer';

describe('webhook signatures', () => {
  const secret = 'whsec_q8V0m3xZbN6tRkP1sYwH4cJdL7uE9aGfT2iOoKlMnBv';
  const body = JSON.stringify({ deliveryId: '0b1e4c1e-0000-4000-8000-000000000001', type: 'alert.routed' });
  const sentAt = new Date('2025-11-28T10:00:00Z');
  const signed = signWebhook(secret, body, sentAt);

  it('signs with the unix timestamp and a v1 HMAC-SHA256', () => {
    expect(signed.timestamp).toBe(String(sentAt.getTime() / 1000));
    expect(signed.signature).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(signWebhook(secret, body, sentAt)).toEqual(signed);
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

  it('accepts any matching v1 signature among several', () => {
    const other = signWebhook('whsec_previous', body, sentAt).signature;
    expect(
      verifyWebhook({
        secret,
        body,
        timestamp: signed.timestamp,
        signature: `${other}, ${signed.signature}`,
        now: sentAt,
      }),
    ).toBe(true);
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
