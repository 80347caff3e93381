import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@vigie/access';
import { AuditReadV1, Tlp, type AlertSnapshot, type AuditedAlertRead, type AuditReadV1Payload } from '@vigie/contracts';
import { Outbox } from '@vigie/messaging';

/** What the audit trail learns of a read: who read which alert, how, when; none of its content. */
export function auditReadOf(
  caller: Pick<Caller, 'organisationId' | 'keyId' | 'person'>,
  read: AuditedAlertRead,
  alert: AlertSnapshot,
  messages: number,
  at: Date,
): AuditReadV1Payload {
  return {
    read,
    alertId: alert.alertId,
    originalAlertId: alert.originalAlertId,
    senderOrganisationId: alert.senderOrganisationId,
    tlp: alert.tlp,
    department: alert.location.department,
    messages,
    ...(caller.organisationId ? { readerOrganisationId: caller.organisationId } : {}),
    keyId: caller.keyId,
    ...(caller.person ? { personId: caller.person.id } : {}),
    readAt: at.toISOString(),
  };
}

/**
 * Reports each read of an alert's content to the audit trail (ADR 42): an `audit.read.v1` event
 * written in the read's own transaction, so content leaves only once its read is recorded. The
 * partner registry writes it into the trail.
 */
@Injectable()
export class AlertReadAudit {
  constructor(
    private readonly outbox: Outbox,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * A list's TLP:RED alerts, each reported as read (one statement, before the list is answered);
   * the other alerts of a list are not (ADR 42).
   */
  async recordListed(caller: Caller, alerts: readonly AlertSnapshot[]): Promise<void> {
    const red = alerts.filter((alert) => alert.tlp === Tlp.Red);
    if (red.length === 0) return;
    const at = new Date();
    const events = red.map((alert) =>
      this.outbox.prepare({
        definition: AuditReadV1,
        key: alert.originalAlertId,
        payload: auditReadOf(caller, 'alert-list', alert, 1, at),
        origin: { correlationId: alert.originalAlertId },
      }),
    );
    await this.outbox.write(this.dataSource.manager, events);
  }

  async record(
    manager: EntityManager,
    caller: Caller,
    read: AuditedAlertRead,
    alert: AlertSnapshot,
    messages: number,
  ): Promise<void> {
    await this.outbox.add(manager, {
      definition: AuditReadV1,
      key: alert.originalAlertId,
      payload: auditReadOf(caller, read, alert, messages, new Date()),
      origin: { correlationId: alert.originalAlertId },
    });
  }
}
