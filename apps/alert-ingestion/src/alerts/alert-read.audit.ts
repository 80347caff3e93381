import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '@vigie/access';
import { AuditReadV1, type AlertSnapshot, type AuditedAlertRead, type AuditReadV1Payload } from '@vigie/contracts';
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
  constructor(private readonly outbox: Outbox) {}

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
