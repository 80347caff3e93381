import { AuditReadV1, createEnvelope, Tlp, type AuditReadV1Payload } from '@vigie/contracts';
import { alertReadEntry } from './alert-reads';

const ALERT = '0190a0b0-0000-7000-8000-000000000001';
const SENDER = '0190a0b0-0000-7000-8000-000000000002';
const READER = '0190a0b0-0000-7000-8000-000000000004';
const KEY = '0190a0b0-0000-7000-8000-000000000007';
const PERSON = '0190a0b0-0000-7000-8000-000000000008';

const read = (fields: Partial<AuditReadV1Payload>) =>
  createEnvelope(
    AuditReadV1,
    {
      read: 'alert',
      alertId: ALERT,
      originalAlertId: ALERT,
      senderOrganisationId: SENDER,
      tlp: Tlp.Red,
      department: '05',
      messages: 1,
      readerOrganisationId: READER,
      keyId: KEY,
      readAt: '2026-12-04T21:30:00.000Z',
      ...fields,
    },
    { producer: 'alert-ingestion' },
  );

describe('a read of an alert in the audit trail', () => {
  it('names a key by its id, the alert as the object and the reader’s organisation, at the time of the read', () => {
    const event = read({});
    expect(alertReadEntry(event, null)).toEqual({
      eventId: event.id,
      at: new Date('2026-12-04T21:30:00.000Z'),
      actor: `organisation:${READER}/key:${KEY}`,
      personId: null,
      action: 'alert.read',
      entity: 'alert',
      entityId: ALERT,
      organisationId: READER,
      after: { originalAlertId: ALERT, senderOrganisationId: SENDER, tlp: 'RED', department: '05', messages: 1 },
    });
  });

  it('names a person as the registry knows them, and says so when it does not', () => {
    const chain = read({ read: 'alert-chain', personId: PERSON, messages: 3 });
    expect(alertReadEntry(chain, 'Lucie Bernard')).toMatchObject({
      actor: `organisation:${READER}/person:${PERSON} (Lucie Bernard)`,
      personId: PERSON,
      action: 'alert.chain-read',
      after: expect.objectContaining({ messages: 3 }),
    });
    expect(alertReadEntry(chain, null).actor).toBe(`organisation:${READER}/person:${PERSON} (personne inconnue)`);
  });

  it('tells a TLP:RED alert seen in a list from one opened', () => {
    expect(alertReadEntry(read({ read: 'alert-list' }), null).action).toBe('alert.list-read');
  });

  it('names the platform administrator, who belongs to no organisation', () => {
    expect(alertReadEntry(read({ read: 'alert-history', readerOrganisationId: undefined }), null)).toMatchObject({
      actor: 'admin',
      organisationId: null,
      action: 'alert.history-read',
    });
  });
});
