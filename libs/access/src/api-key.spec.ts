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
  const counting = () => {
    const calls: string[] = [];
    const verify = async (secret: string, stored: string): Promise<boolean> => {
      calls.push(secret);
      return stored === `hash-of-${secret}`;
    };
    return { calls, verify };
  };

  it('hashes once per key and never again, and never takes a remembered mismatch for a match', async () => {
    const { calls, verify } = counting();
    const cache = new VerifiedSecrets({ keys: 10, mismatches: 10 }, verify);
    expect(await cache.matches('wrong', 'hash-of-right')).toBe(false);
    expect(await cache.matches('right', 'hash-of-right')).toBe(true);
    for (let i = 0; i < 5; i++) {
      expect(await cache.matches('right', 'hash-of-right')).toBe(true);
      expect(await cache.matches('wrong', 'hash-of-right')).toBe(false);
    }
    expect(calls).toEqual(['wrong', 'right']);
    expect(cache.size).toEqual({ keys: 1, mismatches: 1 });
  });

  it('lets concurrent checks of the same pair share one hash', async () => {
    const finish: ((ok: boolean) => void)[] = [];
    const cache = new VerifiedSecrets(
      { keys: 10, mismatches: 10 },
      () => new Promise((resolve) => finish.push(resolve)),
    );
    const checks = Array.from({ length: 50 }, () => cache.matches('right', 'stored'));
    const other = cache.matches('other', 'stored');
    expect(finish).toHaveLength(2);
    finish[0](true);
    finish[1](false);
    expect(await Promise.all(checks)).toEqual(Array.from({ length: 50 }, () => true));
    expect(await other).toBe(false);
    expect(await cache.matches('right', 'stored')).toBe(true);
    expect(finish).toHaveLength(2);
  });

  it('shares one wrong answer and one error too, and remembers neither as a match', async () => {
    let fail = true;
    let calls = 0;
    const cache = new VerifiedSecrets({ keys: 10, mismatches: 10 }, async () => {
      calls++;
      if (fail) throw new Error('out of memory');
      return true;
    });
    const failed = await Promise.allSettled([cache.matches('s', 'h'), cache.matches('s', 'h')]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toBe(1);
    fail = false;
    expect(await cache.matches('s', 'h')).toBe(true);
    expect(calls).toBe(2);
  });

  it('bounds what it remembers: many wrong secrets evict only older wrong ones', async () => {
    const { calls, verify } = counting();
    const cache = new VerifiedSecrets({ keys: 2, mismatches: 3 }, verify);
    expect(await cache.matches('right', 'hash-of-right')).toBe(true);
    for (let i = 0; i < 100; i++) expect(await cache.matches(`guess-${i}`, 'hash-of-right')).toBe(false);
    expect(cache.size).toEqual({ keys: 1, mismatches: 3 });
    expect(await cache.matches('right', 'hash-of-right')).toBe(true);
    expect(calls.filter((c) => c === 'right')).toHaveLength(1);
    // Keys are forgotten least recently used first.
    await cache.matches('a', 'hash-of-a');
    await cache.matches('right', 'hash-of-right');
    await cache.matches('b', 'hash-of-b');
    expect(cache.size.keys).toBe(2);
    await cache.matches('right', 'hash-of-right');
    await cache.matches('a', 'hash-of-a');
    expect(calls.filter((c) => c === 'right')).toHaveLength(1);
    expect(calls.filter((c) => c === 'a')).toHaveLength(2);
  });

  it('forgets the hashes of removed keys', async () => {
    const { calls, verify } = counting();
    const cache = new VerifiedSecrets({ keys: 10, mismatches: 10 }, verify);
    await cache.matches('right', 'hash-of-right');
    cache.forget(['hash-of-right']);
    expect(cache.size.keys).toBe(0);
    expect(await cache.matches('right', 'hash-of-right')).toBe(true);
    expect(calls).toEqual(['right', 'right']);
  });

  it('checks the real scrypt hash by default', async () => {
    const stored = await hashSecret('right');
    expect(await new VerifiedSecrets().matches('right', stored)).toBe(true);
    expect(await new VerifiedSecrets().matches('wrong', stored)).toBe(false);
  });
});
