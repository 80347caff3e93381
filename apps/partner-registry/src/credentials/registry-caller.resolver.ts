import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  VerifiedSecrets,
  authenticateKey,
  parseApiKey,
  type Caller,
  type PersonClaims,
  type CallerResolver,
} from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { UnauthenticatedError } from '@vigie/platform';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config';
import { SessionsService } from '../sessions/sessions.service';
import { storedKey } from './api-keys.queries';

/** The registry authenticates against its own tables, plus the configured administrator key. */
@Injectable()
export class RegistryCallerResolver implements CallerResolver {
  private readonly admin: { id: string; secret: Buffer };
  private readonly verified = new VerifiedSecrets();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(REGISTRY_CONFIG) config: RegistryConfig,
    private readonly sessions: SessionsService,
  ) {
    const parsed = parseApiKey(config.adminApiKey);
    if (!parsed) throw new Error('REGISTRY_ADMIN_API_KEY is malformed');
    this.admin = { id: parsed.id, secret: Buffer.from(parsed.secret) };
  }

  /** A person's token is good only while their session is open: checked here on every request. */
  resolvePerson(claims: PersonClaims): Promise<Caller> {
    return this.sessions.callerOf(claims);
  }

  async resolve(keyId: string, secret: string): Promise<Caller> {
    if (keyId === this.admin.id) {
      const presented = Buffer.from(secret);
      if (presented.length !== this.admin.secret.length || !timingSafeEqual(presented, this.admin.secret)) {
        throw new UnauthenticatedError('unknown API key');
      }
      return { organisationId: null, kind: null, departments: [], roles: [ApiKeyRole.Admin], isAdmin: true, keyId };
    }
    return authenticateKey(await storedKey(this.dataSource.manager, keyId), { keyId, secret }, this.verified);
  }
}
