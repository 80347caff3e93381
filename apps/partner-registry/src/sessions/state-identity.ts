import { createHash, timingSafeEqual } from 'node:crypto';

/** Who the State's identity provider says signed in, once the ID token's signature is checked. */
export interface StateIdentity {
  subject: string;
  email: string;
  /** SHA-256 of the ID token: it opens one session at most. */
  tokenDigest: string;
  expiresAt: Date;
}

export interface IdentityExpectations {
  /** The nonce the console put in the authorization request. */
  nonce: string;
  /** The console's client id at the provider (the expected audience, and `azp` with several audiences). */
  clientId: string;
  requireEmailVerified: boolean;
}

/** Why an ID token whose signature, issuer, audience and dates are valid still opens no session. */
export class IdentityRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IdentityRefused';
  }
}

const sameText = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * The checks OpenID Connect Core leaves to the relying party after the signature, issuer,
 * audience and dates (jose checks those): the nonce of this sign-in, the authorised party when
 * the token has several audiences, and a verified e-mail address, read from the ID token or,
 * when given (a federation such as ProConnect puts it there), from the provider's signed
 * userinfo answer about the same subject.
 */
export function identityOf(
  idToken: string,
  claims: Record<string, unknown>,
  expected: IdentityExpectations,
  userinfo?: Record<string, unknown>,
): StateIdentity {
  const { sub, nonce, aud, azp, exp } = claims;
  if (typeof sub !== 'string' || sub.length === 0) throw new IdentityRefused('the ID token has no subject');
  if (userinfo && userinfo.sub !== sub) {
    throw new IdentityRefused('the userinfo answer is about another subject than the ID token');
  }
  const { email, email_verified: emailVerified } = userinfo ?? claims;
  if (typeof nonce !== 'string' || !sameText(nonce, expected.nonce)) {
    throw new IdentityRefused('the ID token was not issued for this sign-in (nonce)');
  }
  if (Array.isArray(aud) && aud.length > 1 && azp !== expected.clientId) {
    throw new IdentityRefused('the ID token was issued to another client (azp)');
  }
  if (typeof email !== 'string' || !EMAIL.test(email)) throw new IdentityRefused('the ID token has no e-mail address');
  if (expected.requireEmailVerified && emailVerified !== true) {
    throw new IdentityRefused('the provider has not verified this e-mail address');
  }
  if (typeof exp !== 'number') throw new IdentityRefused('the ID token has no expiry');
  return {
    subject: sub,
    email: email.toLowerCase(),
    tokenDigest: createHash('sha256').update(idToken).digest('hex'),
    expiresAt: new Date(exp * 1000),
  };
}
