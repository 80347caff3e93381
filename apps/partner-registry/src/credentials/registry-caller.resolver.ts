import { Inject, Injectable } from '@nestjs/common';
import {
  authenticateKey,
  hashSecret,
  parseApiKey,
  secretMatches,
  type Caller,
  type CallerResolver,
  type StoredKeyRow,
} from '@vigie/access';
import { UnauthenticatedError } from '@vigie/platform';
import { DataSource } from 'typeorm';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config';

/** The registry authenticates against its own tables, plus the configured administrator key. */
@Injectable()
export class RegistryCallerResolver implements CallerResolver {
  private readonly admin: { id: string; secretHash: string };

  constructor(
    private readonly dataSource: DataSource,
    @Inject(REGISTRY_CONFIG) config: RegistryConfig,
  ) {
    const parsed = parseApiKey(config.adminApiKey);
    if (!parsed) throw new Error('REGISTRY_ADMIN_API_KEY is malformed');
    this.admin = { id: parsed.id, secretHash: hashSecret(parsed.secret) };
  }

  async resolve(keyId: string, secret: string): Promise<Caller> {
    if (keyId === this.admin.id) {
      if (!secretMatches(secret, this.admin.secretHash)) throw new UnauthenticatedError('unknown API key');
      return { organisationId: null, kind: null, departments: [], isAdmin: true, keyId };
    }
    const rows = (await this.dataSource.query(
      `SELECT k.secret_hash, k.revoked_at, o.id AS organisation_id, o.kind, o.status, o.departments
       FROM api_keys k JOIN organisations o ON o.id = k.organisation_id WHERE k.id = $1`,
      [keyId],
    )) as StoredKeyRow[];
    return authenticateKey(rows[0], keyId, secret);
  }
}
