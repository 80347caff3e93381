import { Injectable } from '@nestjs/common';
import { AlertMessageType, AlertScope, AlertSubmittedV1, Tlp, newEventId, type AlertSnapshot } from '@vigie/contracts';
import { DirectoryOrganisation, isEntitledIn, type Caller } from '@vigie/access';
import { Geography } from '@vigie/geo';
import { Outbox } from '@vigie/messaging';
import { ForbiddenError, NotFoundError, InvalidRequestError } from '@vigie/platform';
import { DataSource } from 'typeorm';
import { Alert } from './alert.entity';
import type { SubmitAlertDto } from './dto/submit-alert.dto';

function snapshotOf(alert: Alert): AlertSnapshot {
  return {
    alertId: alert.id,
    senderOrganisationId: alert.senderOrganisationId,
    sent: alert.sent.toISOString(),
    occurredAt: alert.occurredAt.toISOString(),
    status: alert.status,
    msgType: alert.msgType,
    scope: alert.scope,
    tlp: alert.tlp,
    info: alert.info,
    area: { commune: alert.commune, communeName: alert.communeName, department: alert.department },
  };
}

@Injectable()
export class AlertsService {
  // Loaded when the service starts, not on the first request.
  private readonly geography = Geography.official();

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** Stores the alert and its alert.submitted.v1 event in one transaction. */
  async submit(input: SubmitAlertDto, caller: Caller): Promise<AlertSnapshot> {
    const commune = this.geography.commune(input.area.commune);
    if (!commune) {
      throw new InvalidRequestError([
        { field: 'area.commune', problems: [`${input.area.commune} is not a commune of the official INSEE list`] },
      ]);
    }
    const sender = await this.dataSource.manager.findOneByOrFail(DirectoryOrganisation, { id: caller.organisationId! });
    if (!isEntitledIn(sender, commune.department)) {
      throw new ForbiddenError(
        `not entitled to publish in département ${commune.department}: no convention deployed there counts you as a member`,
      );
    }
    const now = new Date();
    const alert: Alert = {
      id: newEventId(),
      senderOrganisationId: caller.organisationId!,
      sent: now,
      occurredAt: input.occurredAt ? new Date(input.occurredAt) : now,
      status: input.status,
      msgType: AlertMessageType.Alert,
      scope: input.scope ?? AlertScope.Restricted,
      tlp: input.tlp ?? Tlp.Amber,
      info: { ...input.info },
      commune: commune.code,
      communeName: commune.name,
      department: commune.department,
    };
    const snapshot = snapshotOf(alert);
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(Alert, alert);
      await this.outbox.add(manager, { definition: AlertSubmittedV1, key: alert.id, payload: { alert: snapshot } });
    });
    return snapshot;
  }

  /** An alert, for its sender only (recipients read it through routing and notification). */
  async get(id: string, caller: Caller): Promise<AlertSnapshot> {
    const alert = await this.dataSource.manager.findOneBy(Alert, { id });
    if (!alert || alert.senderOrganisationId !== caller.organisationId) throw new NotFoundError('alert', id);
    return snapshotOf(alert);
  }
}
