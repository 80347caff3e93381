import { VerifiedSecrets, bearerToken, hashSecret, issueApiKey, parseApiKey, secretMatches } from './api-key';

describe('API keys', () => {
  it('issues a token whose secret matches the stored scrypt hash, and only that one', async () => {
    const key = await issueApiKey();
    const parsed = parseApiKey(key.token);
    expect(parsed?.id).toBe(key.id);
    expect(key.secretHash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await secretMatches(parsed!.secret, key.secretHash)).toBe(true);
    const other = parsed!.secret.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect(await secretMatches(other, key.secretHash)).toBe(false);
    expect(key.secretHash).not.toContain(parsed!.secret);
  });

  it('salts every hash', async () => {
    expect(await hashSecret('same secret')).not.toBe(await hashSecret('same secret'));
  });

  it('never issues the same key twice', async () => {
    const tokens = new Set((await Promise.all(Array.from({ length: 5 }, () => issueApiKey()))).map((k) => k.token));
    expect(tokens.size).toBe(5);
  });

  it('refuses a stored hash it cannot read', async () => {
    expect(await secretMatches('x', 'sha256$abc')).toBe(false);
  });

  it.each(['', 'vgk_', 'vgk_not-a-uuid_x', 'Bearer x', `abc_${'0'.repeat(36)}_${'a'.repeat(43)}`])(
    'rejects the malformed token %p',
    (token) => {
      expect(parseApiKey(token)).toBeNull();
    },
  );

  it.each([
    ['Bearer abc', 'abc'],
    ['bearer abc', 'abc'],
    ['Basic abc', null],
    ['Bearer', null],
    [undefined, null],
  ])('reads the bearer token of %p', (header, expected) => {
    expect(bearerToken(header)).toBe(expected);
  });
});

describe('VerifiedSecrets', () => {
  it('runs the slow hash once per matching pair until it expires, and never remembers a mismatch', async () => {
    const calls: string[] = [];
    const verify = async (secret: string, stored: string): Promise<boolean> => {
      calls.push(secret);
      return stored === `hash-of-${secret}`;
    };
    const cache = new VerifiedSecrets(1000, 10, verify);
    expect(await cache.matches('wrong', 'hash-of-right', 0)).toBe(false);
    expect(await cache.matches('right', 'hash-of-right', 0)).toBe(true);
    expect(await cache.matches('right', 'hash-of-right', 500)).toBe(true);
    expect(calls).toEqual(['wrong', 'right']);
    expect(await cache.matches('wrong', 'hash-of-right', 500)).toBe(false);
    expect(await cache.matches('right', 'hash-of-right', 1500)).toBe(true);
    expect(calls).toEqual(['wrong', 'right', 'wrong', 'right']);
  });

  it('checks the real scrypt hash by default', async () => {
    const stored = await hashSecret('right');
    expect(await new VerifiedSecrets().matches('right', stored)).toBe(true);
    expect(await new VerifiedSecrets().matches('wrong', stored)).toBe(false);
  });
});
