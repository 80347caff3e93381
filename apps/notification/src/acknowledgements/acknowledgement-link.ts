import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** What an e-mailed link lets its holder do: acknowledge one alert for one organisation, until it expires. */
export interface AcknowledgementClaim {
  alertId: string;
  organisationId: string;
  /** The referent the link was e-mailed to: recorded as who acknowledged. */
  referentId: string;
}

const VERSION = 'a1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Single-purpose signed tokens for acknowledgement links: `a1.<claim>.<HMAC-SHA256>`, base64url.
 * The signing key is derived (HKDF) from the service's secrets key with a purpose label, so it
 * signs nothing else; nothing is stored, and a token is worth one acknowledgement (which is
 * idempotent anyway) until it expires.
 */
export class AcknowledgementLinks {
  private readonly key: Buffer;

  constructor(
    secretsKeyHex: string,
    private readonly options: { baseUrl: string; ttlSeconds: number },
  ) {
    this.key = Buffer.from(
      hkdfSync('sha256', Buffer.from(secretsKeyHex, 'hex'), Buffer.alloc(0), 'vigie acknowledgement links v1', 32),
    );
  }

  url(claim: AcknowledgementClaim, now: Date = new Date()): string {
    return `${this.options.baseUrl}/v1/acknowledgements/${this.token(claim, now)}`;
  }

  token(claim: AcknowledgementClaim, now: Date = new Date()): string {
    const expires = Math.floor(now.getTime() / 1000) + this.options.ttlSeconds;
    const body = Buffer.from(
      JSON.stringify({ a: claim.alertId, o: claim.organisationId, r: claim.referentId, e: expires }),
    ).toString('base64url');
    return `${VERSION}.${body}.${this.sign(body)}`;
  }

  /** The claim of a genuine, unexpired token; null for anything else. */
  verify(token: string, now: Date = new Date()): AcknowledgementClaim | null {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== VERSION) return null;
    const [, body, signature] = parts;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    let claim: { a?: unknown; o?: unknown; r?: unknown; e?: unknown };
    try {
      claim = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as typeof claim;
    } catch {
      return null;
    }
    const ids = [claim.a, claim.o, claim.r];
    if (!ids.every((id) => typeof id === 'string' && UUID.test(id))) return null;
    if (typeof claim.e !== 'number' || claim.e < now.getTime() / 1000) return null;
    return { alertId: claim.a as string, organisationId: claim.o as string, referentId: claim.r as string };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(`${VERSION}.${body}`).digest('base64url');
  }
}
