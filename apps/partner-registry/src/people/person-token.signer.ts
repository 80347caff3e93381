import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { SignJWT, type JWK } from 'jose';
import { PERSON_TOKEN_AUDIENCE, PERSON_TOKEN_ISSUER, PersonTokenVerifier } from '@vigie/access';
import type { ApiKeyRole } from '@vigie/contracts';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config';

/** How long an access token is good for: the console refreshes it with its session token. */
export const ACCESS_TOKEN_SECONDS = 300;

/** Signs person access tokens (EdDSA) and publishes the key that verifies them. */
@Injectable()
export class PersonTokenSigner {
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  private readonly kid: string;

  constructor(@Inject(REGISTRY_CONFIG) config: RegistryConfig) {
    if (config.personTokenSigningKey) {
      this.privateKey = createPrivateKey(config.personTokenSigningKey);
    } else {
      new Logger('PersonTokens').warn(
        'PERSON_TOKEN_SIGNING_KEY is not set: person access tokens are signed with a key generated for this process only',
      );
      this.privateKey = generateKeyPairSync('ed25519').privateKey;
    }
    if (this.privateKey.asymmetricKeyType !== 'ed25519')
      throw new Error('PERSON_TOKEN_SIGNING_KEY must be an Ed25519 key');
    this.publicKey = createPublicKey(this.privateKey);
    this.kid = createHash('sha256')
      .update(this.publicKey.export({ format: 'der', type: 'spki' }))
      .digest('base64url')
      .slice(0, 16);
  }

  sign(claims: {
    personId: string;
    name: string;
    organisationId: string;
    roles: ApiKeyRole[];
    sessionId: string;
  }): Promise<string> {
    return new SignJWT({ org: claims.organisationId, name: claims.name, roles: claims.roles, sid: claims.sessionId })
      .setProtectedHeader({ alg: 'EdDSA', kid: this.kid })
      .setSubject(claims.personId)
      .setIssuer(PERSON_TOKEN_ISSUER)
      .setAudience(PERSON_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${ACCESS_TOKEN_SECONDS}s`)
      .sign(this.privateKey);
  }

  jwks(): { keys: JWK[] } {
    return {
      keys: [{ ...(this.publicKey.export({ format: 'jwk' }) as JWK), kid: this.kid, alg: 'EdDSA', use: 'sig' }],
    };
  }

  /** The registry verifies its own tokens without a network round trip. */
  verifier(): PersonTokenVerifier {
    return new PersonTokenVerifier(() => Promise.resolve(this.publicKey));
  }
}
