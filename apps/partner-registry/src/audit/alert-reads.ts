import type { Caller } from '@vigie/access';
import type { AuditedAlertRead, AuditReadV1Payload, EventEnvelope } from '@vigie/contracts';
import { actorOf } from '../access/registry.access';
import type { ReportedRead } from './audit-log.queries';

/** The audit trail's action for each read of an alert ingestion reports. */
export const ALERT_READ_ACTIONS: Record<AuditedAlertRead, string> = {
  alert: 'alert.read',
  'alert-chain': 'alert.chain-read',
  'alert-history': 'alert.history-read',
  'alert-list': 'alert.list-read',
};

/**
 * The audit entry of a read of an alert: the reader as the registry names actors (a person by
 * their name today, a key by its id), the alert as its object, the organisation that read it,
 * and what was read without any of its content.
 */
export function alertReadEntry(event: EventEnvelope<AuditReadV1Payload>, personName: string | null): ReportedRead {
  const read = event.payload;
  const organisationId = read.readerOrganisationId ?? null;
  const reader: Pick<Caller, 'organisationId' | 'keyId' | 'person'> = {
    organisationId,
    keyId: read.keyId,
    person: read.personId ? { id: read.personId, name: personName ?? 'personne inconnue', expiresAt: 0 } : null,
  };
  return {
    eventId: event.id,
    at: new Date(read.readAt),
    actor: actorOf(reader),
    personId: read.personId ?? null,
    action: ALERT_READ_ACTIONS[read.read],
    entity: 'alert',
    entityId: read.alertId,
    organisationId,
    after: {
      originalAlertId: read.originalAlertId,
      senderOrganisationId: read.senderOrganisationId,
      tlp: read.tlp,
      department: read.department,
      messages: read.messages,
    },
  };
}
