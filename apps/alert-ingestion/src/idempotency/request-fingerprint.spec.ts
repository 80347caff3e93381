import { canonicalJson, isValidIdempotencyKey, requestFingerprint } from './request-fingerprint';

describe('request fingerprint', () => {
  it('does not depend on key order or undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"e":0,"f":1}]},"b":1}',
    );
    expect(requestFingerprint('POST /v1/alerts', { a: 1, b: 2 })).toBe(
      requestFingerprint('POST /v1/alerts', { b: 2, a: 1 }),
    );
  });

  it('differs when the body or the operation differs', () => {
    const body = { status: 'Actual', info: [{ headline: 'x' }] };
    expect(requestFingerprint('POST /v1/alerts', body)).not.toBe(
      requestFingerprint('POST /v1/alerts', { ...body, info: [{ headline: 'y' }] }),
    );
    expect(requestFingerprint('POST /v1/alerts', body)).not.toBe(requestFingerprint('POST /v1/alerts/1/cancel', body));
  });

  it.each([
    ['c0a8f7e2-1', true],
    ['order:2026-11-28:0042', true],
    ['', false],
    ['with space', false],
    ['é', false],
    ['x'.repeat(201), false],
  ])('accepts %p as a key: %s', (key, valid) => {
    expect(isValidIdempotencyKey(key)).toBe(valid);
  });
});
