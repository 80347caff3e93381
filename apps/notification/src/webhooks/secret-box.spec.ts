import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));
  const secret = 'whsec_2bM5xH4QvT0uY9r1kPq8ZcWn6aLdEfGhJiKlMnOpQrS';

  it('opens what it sealed, for the same associated data', () => {
    expect(box.decrypt(box.encrypt(secret, 'webhook-1'), 'webhook-1')).toBe(secret);
    expect(box.decrypt(box.encrypt(''))).toBe('');
  });

  it('never reveals the plaintext and never seals twice the same way', () => {
    const first = box.encrypt(secret);
    const second = box.encrypt(secret);
    expect(first).not.toBe(second);
    expect(first).not.toContain(secret);
    expect(first).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('refuses another key', () => {
    const sealed = box.encrypt(secret);
    expect(() => new SecretBox(randomBytes(32)).decrypt(sealed)).toThrow('does not open');
  });

  it('refuses a value sealed for another row', () => {
    const sealed = box.encrypt(secret, 'webhook-1');
    expect(() => box.decrypt(sealed, 'webhook-2')).toThrow('does not open');
  });

  it('refuses a tampered ciphertext', () => {
    const parts = box.encrypt(secret).split('.');
    const ciphertext = Buffer.from(parts[3], 'base64url');
    ciphertext[0] ^= 0x01;
    parts[3] = ciphertext.toString('base64url');
    expect(() => box.decrypt(parts.join('.'))).toThrow('does not open');
  });

  it.each(['', 'v1', 'v2.a.b.c', 'v1.AAAA.AAAA.AAAA', 'not a sealed value'])(
    'refuses the malformed value %p',
    (value) => {
      expect(() => box.decrypt(value)).toThrow('malformed');
    },
  );

  it('accepts only 256-bit keys', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow('32-byte');
    expect(() => SecretBox.fromHex('ab'.repeat(31))).toThrow('64 hexadecimal');
    expect(SecretBox.fromHex('ab'.repeat(32))).toBeInstanceOf(SecretBox);
  });
});
