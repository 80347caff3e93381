import { Injectable } from '@nestjs/common';
import { AlertSubmittedV1, newEventId, primaryInfo, type AlertSnapshot } from '@vigie/contracts';
import { DirectoryOrganisation, isEntitledIn, type Caller } from '@vigie/access';
import { Geography } from '@vigie/geo';
import { Outbox } from '@vigie/messaging';
import { ForbiddenError, InvalidRequestError, NotFoundError } from '@vigie/platform';
import { DataSource } from 'typeorm';
import { Alert } from './alert.entity';
import { newAlertSnapshot } from './alert.snapshot';
import type { SubmitAlertDto } from './dto/submit-alert.dto';

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
    await this.dataSource.transaction(async (manager) => {
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
    });
    return snapshot;
  }

  /** An alert, for its sender only (recipients read it through routing and notification). */
  async get(id: string, caller: Caller): Promise<AlertSnapshot> {
    const alert = await this.dataSource.manager.findOneBy(Alert, { id });
    if (!alert || alert.senderOrganisationId !== caller.organisationId) throw new NotFoundError('alert', id);
    return alert.snapshot;
  }
}
