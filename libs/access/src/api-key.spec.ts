import { bearerToken, hashSecret, issueApiKey, parseApiKey, secretMatches } from './api-key';

describe('API keys', () => {
  it('issues a token whose secret matches the stored hash, and only that one', () => {
    const key = issueApiKey();
    const parsed = parseApiKey(key.token);
    expect(parsed?.id).toBe(key.id);
    expect(secretMatches(parsed!.secret, key.secretHash)).toBe(true);
    expect(
      secretMatches(
        parsed!.secret.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
        key.secretHash,
      ),
    ).toBe(false);
    expect(key.secretHash).toBe(hashSecret(parsed!.secret));
    expect(key.token).not.toContain(key.secretHash);
  });

  it('never issues the same key twice', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => issueApiKey().token));
    expect(tokens.size).toBe(50);
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
