import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PartnerChangedV1Payload } from '@vigie/contracts';
import {
  HeldRows,
  heldWhileHeard,
  runPrepared,
  type ChannelListener,
  type PreparedStatement,
} from '@vigie/persistence';
import { VerifiedSecrets } from '../api-key';
import type { Caller, CallerResolver } from '../caller';
import { authenticateKey, type StoredKeyRow } from '../key-check';
import { callerForPerson, type PersonClaims, type PersonOrganisationRow } from '../person-token';

/** Read on every authenticated request: prepared once per connection. */
const KEY_WITH_ORGANISATION: PreparedStatement = {
  name: 'access.key-with-organisation',
  text: `SELECT k.secret_hash, k.roles, k.expires_at, k.revoked_at, o.id AS organisation_id, o.kind, o.status, o.departments,
                o.conventions
         FROM directory_api_keys k JOIN directory_organisations o ON o.id = k.organisation_id
         WHERE k.id = $1`,
};

const ORGANISATION: PreparedStatement = {
  name: 'access.person-organisation',
  text: 'SELECT kind, status, departments, conventions FROM directory_organisations WHERE id = $1',
};

/** Keeps more of a snapshot than the shared read model does, in the same transaction. */
export type SnapshotListener = (snapshot: PartnerChangedV1Payload, manager: EntityManager) => Promise<void>;

/**
 * What this service knows of the registry's organisations and keys. The registry is never
 * called on the request path: suspensions and revocations arrive as events. The rows of the keys
 * presented are remembered while every change to the directory is announced (a NOTIFY in the
 * transaction that applies it, heard by each instance of the service), so a request from a known
 * key reads nothing (ADR 56).
 */
@Injectable()
export class PartnerDirectory implements CallerResolver, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(PartnerDirectory.name);
  private readonly verified = new VerifiedSecrets();
  private readonly known = new HeldRows<StoredKeyRow>();
  private readonly listeners: SnapshotListener[] = [];
  private readonly changes: ChannelListener;

  constructor(private readonly dataSource: DataSource) {
    this.changes = heldWhileHeard(this.known, dataSource, 'directory', (reason) =>
      this.logger.warn(`directory changes unheard (${reason}): every request reads its key until they are heard again`),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.changes.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.changes.stop();
    this.known.deaf();
  }

  /** A service-specific read model (e.g. referents) fed with every snapshot the directory applies. */
  alsoApply(listener: SnapshotListener): void {
    this.listeners.push(listener);
  }

  /** Applies a snapshot unless a newer revision is already known. */
  async apply(snapshot: PartnerChangedV1Payload, manager: EntityManager): Promise<void> {
    const updated = await manager.query<unknown[]>(
      `INSERT INTO directory_organisations
         (id, kind, name, status, departments, sector, conventions, subscriptions, revision)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, status = EXCLUDED.status,
         departments = EXCLUDED.departments, sector = EXCLUDED.sector, conventions = EXCLUDED.conventions,
         subscriptions = EXCLUDED.subscriptions, revision = EXCLUDED.revision
       WHERE directory_organisations.revision < EXCLUDED.revision
       RETURNING id`,
      [
        snapshot.organisationId,
        snapshot.kind,
        snapshot.name,
        snapshot.status,
        snapshot.departments,
        snapshot.sector ?? null,
        JSON.stringify(snapshot.conventions),
        JSON.stringify(snapshot.subscriptions),
        snapshot.revision,
      ],
    );
    if (updated.length === 0) return;
    // Heard by every instance once this transaction commits, never before: each forgets the keys it knew.
    await manager.query('SELECT pg_notify($1, $2)', [this.changes.channel, snapshot.organisationId]);
    // Wrapped in a SELECT: TypeORM answers a bare DELETE with [rows, count], not the rows.
    const replaced = await manager.query<{ secret_hash: string }[]>(
      `WITH replaced AS (DELETE FROM directory_api_keys WHERE organisation_id = $1 RETURNING secret_hash)
       SELECT secret_hash FROM replaced`,
      [snapshot.organisationId],
    );
    // Memory only: revocation is enforced by the row read on every request, whatever is remembered.
    const usable = new Set(snapshot.apiKeys.filter((key) => !key.revokedAt).map((key) => key.secretHash));
    this.verified.forget(replaced.map((row) => row.secret_hash).filter((hash) => !usable.has(hash)));
    for (const key of snapshot.apiKeys) {
      await manager.query(
        `INSERT INTO directory_api_keys (id, organisation_id, secret_hash, roles, expires_at, revoked_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [key.id, snapshot.organisationId, key.secretHash, key.roles, key.expiresAt, key.revokedAt],
      );
    }
    for (const listener of this.listeners) await listener(snapshot, manager);
  }

  async resolvePerson(claims: PersonClaims): Promise<Caller> {
    const rows = await runPrepared<PersonOrganisationRow>(this.dataSource, ORGANISATION, [claims.organisationId]);
    return callerForPerson(rows[0], claims);
  }

  async resolve(keyId: string, secret: string): Promise<Caller> {
    return authenticateKey(await this.keyRow(keyId), { keyId, secret }, this.verified);
  }

  /** Whether this instance hears the directory's changes now (its LISTEN connection is up). */
  get hearsChanges(): boolean {
    return this.changes.listening;
  }

  /** How many keys' rows this instance answers from memory. */
  get rememberedKeys(): number {
    return this.known.size;
  }

  private async keyRow(keyId: string): Promise<StoredKeyRow | undefined> {
    const known = this.known.get(keyId);
    if (known) return known;
    const read = this.known.beginRead();
    const [row] = await runPrepared<StoredKeyRow>(this.dataSource, KEY_WITH_ORGANISATION, [keyId]);
    if (row) this.known.keep(keyId, row, read);
    return row;
  }
}
