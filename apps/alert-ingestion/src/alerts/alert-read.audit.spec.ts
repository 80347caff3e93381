import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AuditReadV1Payload, Tlp, type AlertSnapshot } from '@vigie/contracts';
import { auditReadOf } from './alert-read.audit';

const ORGANISATION = '0190a0b0-0000-7000-8000-000000000004';
const KEY = '0190a0b0-0000-7000-8000-000000000007';
const PERSON = '0190a0b0-0000-7000-8000-000000000008';

const alert = {
  alertId: '0190a0b0-0000-7000-8000-000000000011',
  originalAlertId: '0190a0b0-0000-7000-8000-000000000001',
  senderOrganisationId: '0190a0b0-0000-7000-8000-000000000002',
  tlp: Tlp.AmberStrict,
  location: { commune: '05061', communeName: 'Gap', department: '05' },
  info: [{ headline: 'Intrusion au dépôt', description: 'Deux individus armés' }],
} as unknown as AlertSnapshot;

const valid = (payload: object) =>
  validateSync(plainToInstance(AuditReadV1Payload, payload)).map((error) => error.property);

describe('what the audit trail learns of a read of an alert', () => {
  const at = new Date('2026-12-04T21:30:00.000Z');

  it('names the key, the person and the alert, and carries none of its content', () => {
    const payload = auditReadOf(
      { organisationId: ORGANISATION, keyId: KEY, person: { id: PERSON, name: 'Lucie Bernard', expiresAt: 0 } },
      'alert-chain',
      alert,
      2,
      at,
    );
    expect(payload).toEqual({
      read: 'alert-chain',
      alertId: alert.alertId,
      originalAlertId: alert.originalAlertId,
      senderOrganisationId: alert.senderOrganisationId,
      tlp: 'AMBER+STRICT',
      department: '05',
      messages: 2,
      readerOrganisationId: ORGANISATION,
      keyId: KEY,
      personId: PERSON,
      readAt: '2026-12-04T21:30:00.000Z',
    });
    expect(JSON.stringify(payload)).not.toMatch(/Intrusion|individus|Gap|Lucie/);
    expect(valid(payload)).toEqual([]);
  });

  it('leaves out the person for an API key and the organisation for the platform administrator', () => {
    const payload = auditReadOf({ organisationId: null, keyId: KEY, person: null }, 'alert', alert, 1, at);
    expect(payload).not.toHaveProperty('personId');
    expect(payload).not.toHaveProperty('readerOrganisationId');
    expect(valid(payload)).toEqual([]);
  });
});
