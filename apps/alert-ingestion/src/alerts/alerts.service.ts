import { Injectable } from '@nestjs/common';
import { AlertSubmittedV1, newEventId, primaryInfo, type AlertSnapshot } from '@vigie/contracts';
import { DirectoryOrganisation, isEntitledIn, type Caller } from '@vigie/access';
import { Geography } from '@vigie/geo';
import { Outbox } from '@vigie/messaging';
import { DomainError, ForbiddenError, InvalidRequestError, NotFoundError } from '@vigie/platform';
import { HttpStatus } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Alert } from './alert.entity';
import { newAlertSnapshot } from './alert.snapshot';
import type { SubmitAlertDto } from './dto/submit-alert.dto';
import { requestFingerprint } from '../idempotency/request-fingerprint';

export interface Submission {
  alert: AlertSnapshot;
  /** False when an earlier request with the same Idempotency-Key and body created it. */
  created: boolean;
}

@Injectable()
export class AlertsService {
  // Loaded when the service starts, not on the first request.
  private readonly geography = Geography.official();

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Stores the alert and its alert.submitted.v1 event in one transaction. With an idempotency
   * key, the key is recorded in that transaction too: a retry of the same request returns the
   * alert already created, a different request under the same key is refused (422).
   */
  async submit(input: SubmitAlertDto, caller: Caller, idempotencyKey?: string): Promise<Submission> {
    const commune = this.geography.commune(input.location.commune);
    if (!commune) {
      throw new InvalidRequestError([
        {
          field: 'location.commune',
          problems: [`${input.location.commune} is not a commune of the official INSEE list`],
        },
      ]);
    }
    const sender = await this.dataSource.manager.findOneByOrFail(DirectoryOrganisation, { id: caller.organisationId! });
    if (!isEntitledIn(sender, commune.department)) {
      throw new ForbiddenError(
        `not entitled to publish in département ${commune.department}: no convention deployed there counts you as a member`,
      );
    }
    const snapshot = newAlertSnapshot(input, {
      alertId: newEventId(),
      senderOrganisationId: sender.id,
      sent: new Date(),
      commune,
    });
    return this.dataSource.transaction(async (manager) => {
      if (idempotencyKey) {
        const fingerprint = requestFingerprint('POST /v1/alerts', input);
        const claimed = (await manager.query(
          `INSERT INTO idempotency_keys (organisation_id, key, request_hash, alert_id) VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING RETURNING alert_id`,
          [sender.id, idempotencyKey, fingerprint, snapshot.alertId],
        )) as unknown[];
        if (claimed.length === 0) return this.replay(sender.id, idempotencyKey, fingerprint);
      }
      await manager.insert(Alert, {
        id: snapshot.alertId,
        senderOrganisationId: snapshot.senderOrganisationId,
        sent: new Date(snapshot.sent),
        status: snapshot.status,
        msgType: snapshot.msgType,
        department: snapshot.location.department,
        eventCode: primaryInfo(snapshot).eventCode,
        severity: primaryInfo(snapshot).severity,
        tlp: snapshot.tlp,
        personalData: snapshot.personalData,
        snapshot,
      });
      await this.outbox.add(manager, {
        definition: AlertSubmittedV1,
        key: snapshot.alertId,
        payload: { alert: snapshot },
      });
      return { alert: snapshot, created: true };
    });
  }

  private async replay(organisationId: string, key: string, fingerprint: string): Promise<Submission> {
    const [earlier] = (await this.dataSource.query(
      `SELECT i.request_hash, a.snapshot FROM idempotency_keys i JOIN alerts a ON a.id = i.alert_id
       WHERE i.organisation_id = $1 AND i.key = $2`,
      [organisationId, key],
    )) as { request_hash: string; snapshot: AlertSnapshot }[];
    if (earlier.request_hash !== fingerprint) {
      throw new DomainError(
        'idempotency_key_reused',
        'this Idempotency-Key was used for a different request',
        HttpStatus.UNPROCESSABLE_ENTITY,
      );
    }
    return { alert: earlier.snapshot, created: false };
  }

  /** An alert, for its sender only (recipients read it through routing and notification). */
  async get(id: string, caller: Caller): Promise<AlertSnapshot> {
    const alert = await this.dataSource.manager.findOneBy(Alert, { id });
    if (!alert || alert.senderOrganisationId !== caller.organisationId) throw new NotFoundError('alert', id);
    return alert.snapshot;
  }
}
