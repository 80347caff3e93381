import { createHash } from 'node:crypto';
import { IdentityRefused, identityOf } from './state-identity';

const TOKEN = 'header.payload.signature';
const expected = { nonce: 'n-0123456789abcdef', clientId: 'vigie-console', requireEmailVerified: true };
const claims = {
  sub: 'agent-42',
  nonce: 'n-0123456789abcdef',
  aud: 'vigie-console',
  email: 'Camille.Durand@rhone.gouv.fr',
  email_verified: true,
  exp: 1_796_000_000,
};

describe('the identity an ID token proves', () => {
  it('is its subject and its e-mail address (lower-cased), with the token digest and expiry', () => {
    expect(identityOf(TOKEN, claims, expected)).toEqual({
      subject: 'agent-42',
      email: 'camille.durand@rhone.gouv.fr',
      tokenDigest: createHash('sha256').update(TOKEN).digest('hex'),
      expiresAt: new Date(1_796_000_000_000),
    });
  });

  it.each([
    ['another sign-in (nonce)', { nonce: 'n-other-nonce-000000' }],
    ['no nonce', { nonce: undefined }],
    ['no subject', { sub: '' }],
    ['no e-mail address', { email: undefined }],
    ['an e-mail address that is not one', { email: 'camille' }],
    ['an unverified e-mail address', { email_verified: false }],
    ['no word on the e-mail address', { email_verified: undefined }],
    ['several audiences and another authorised party', { aud: ['vigie-console', 'other'], azp: 'other' }],
    ['several audiences and no authorised party', { aud: ['vigie-console', 'other'] }],
    ['no expiry', { exp: undefined }],
  ])('is refused for %s', (_why, change) => {
    expect(() => identityOf(TOKEN, { ...claims, ...change }, expected)).toThrow(IdentityRefused);
  });

  it('accepts several audiences when the console is the authorised party', () => {
    const identity = identityOf(TOKEN, { ...claims, aud: ['vigie-console', 'other'], azp: 'vigie-console' }, expected);
    expect(identity.subject).toBe('agent-42');
  });

  it('trusts the federation for the e-mail address when told to', () => {
    const trusting = { ...expected, requireEmailVerified: false };
    expect(identityOf(TOKEN, { ...claims, email_verified: undefined }, trusting).email).toBe(
      'camille.durand@rhone.gouv.fr',
    );
  });
});

describe('the identity a signed userinfo answer completes', () => {
  const withoutEmail = { sub: 'agent-42', nonce: expected.nonce, aud: 'vigie-console', exp: 1_796_000_000 };

  it('takes the e-mail address from the userinfo answer about the same subject', () => {
    const userinfo = { sub: 'agent-42', email: 'sacha.lefebvre@rhone.gouv.fr', email_verified: true };
    expect(identityOf(TOKEN, withoutEmail, expected, userinfo).email).toBe('sacha.lefebvre@rhone.gouv.fr');
  });

  it('is refused when the userinfo answer is about someone else', () => {
    const userinfo = { sub: 'agent-43', email: 'sacha.lefebvre@rhone.gouv.fr', email_verified: true };
    expect(() => identityOf(TOKEN, withoutEmail, expected, userinfo)).toThrow(IdentityRefused);
  });

  it('still wants the e-mail address verified', () => {
    const userinfo = { sub: 'agent-42', email: 'sacha.lefebvre@rhone.gouv.fr', email_verified: false };
    expect(() => identityOf(TOKEN, withoutEmail, expected, userinfo)).toThrow(IdentityRefused);
  });
});
