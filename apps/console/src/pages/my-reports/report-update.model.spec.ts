import { AlertCertainty, AlertSeverity } from '@vigie/contracts';
import { alertSnapshot } from '@vigie/testing';
import type { Alert } from '../../clients/ingestion.client';
import { readReportForm } from '../report/report.model';
import { updateErrors, updateFormOf, updateOf, updateRefusal } from './report-update.model';

const ALERT_ID = '0193a8c2-6d1e-7a7b-8c2f-5e9d0a1b2c3d';
const latest: Alert = {
  id: ALERT_ID,
  ...alertSnapshot('0193a8c2-0000-7000-8000-000000000001', {
    alertId: ALERT_ID,
    identifier: 'vigie-1',
    sender: 'creuse-gardiennage',
    sent: '2026-12-04T20:00:00.000Z',
    occurredAt: '2026-12-04T20:00:00.000Z',
    personalData: true,
    location: { commune: '23096', communeName: 'Guéret', department: '23' },
    info: {
      responseType: [],
      severity: AlertSeverity.Severe,
      certainty: AlertCertainty.Likely,
      headline: 'Intrusion, entrepôt de Guéret',
      description: 'Deux individus.',
      area: [],
    },
  }),
};

describe('updating a report', () => {
  it('starts from the latest message, with a fresh key', () => {
    const form = updateFormOf(latest);
    expect(form).toMatchObject({
      commune: '23096',
      eventCode: 'intrusion',
      severity: 'Severe',
      urgency: 'Immediate',
      certainty: 'Likely',
      tlp: 'AMBER',
      headline: 'Intrusion, entrepôt de Guéret',
      description: 'Deux individus.',
      personalData: true,
    });
    expect(form.draftKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(updateFormOf(latest).draftKey).not.toBe(form.draftKey);
  });

  it('asks only for what an update may change', () => {
    const errors = updateErrors(readReportForm({ severity: 'Apocalyptic', tlp: 'RED' }));
    expect(Object.keys(errors).sort()).toEqual(['certainty', 'headline', 'severity', 'tlp', 'urgency']);
    expect(updateErrors({ ...updateFormOf(latest), commune: '', eventCode: '' })).toEqual({});
  });

  it("keeps the report's status, place and event; takes the new assessment from the form", () => {
    const form = { ...updateFormOf(latest), severity: 'Minor', tlp: 'GREEN', description: '', personalData: false };
    expect(updateOf(latest, form)).toEqual({
      status: 'Actual',
      tlp: 'GREEN',
      personalData: false,
      location: { commune: '23096' },
      info: [
        {
          category: ['Security'],
          eventCode: 'intrusion',
          urgency: 'Immediate',
          severity: 'Minor',
          certainty: 'Likely',
          headline: 'Intrusion, entrepôt de Guéret',
        },
      ],
    });
  });

  it('says in words why ingestion refused', () => {
    expect(updateRefusal(409)).toContain('annulé');
    expect(updateRefusal(403)).toContain('département');
    expect(updateRefusal(400)).toContain('vérifiez');
    expect(updateRefusal(500)).toBeNull();
    expect(updateRefusal(401)).toBeNull();
  });
});
