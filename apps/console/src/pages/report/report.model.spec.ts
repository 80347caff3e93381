import { alertOf, newReport, onlyCommune, previewDraftOf, readReportForm, reportErrors } from './report.model';

/** The answers routing's preview reads, as posted and as routing receives them. */
const routed = {
  commune: '42218',
  eventCode: 'intrusion',
  severity: 'Severe',
  urgency: 'Immediate',
  certainty: 'Observed',
  tlp: 'AMBER',
};

const filled = {
  ...routed,
  draftKey: '0193a5c2-7d4e-7b1a-9c3f-2a1b4c5d6e7f',
  communeQuery: 'st etienne',
  headline: 'Intrusion en cours, entrepôt rue des Docks',
  description: 'Deux individus, capuches noires.',
  personalData: 'oui',
};

describe('the partner report form', () => {
  it('starts a draft with its own key and the usual answers for a report made on the spot', () => {
    const first = newReport();
    const second = newReport();
    expect(first.draftKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.draftKey).not.toBe(second.draftKey);
    expect(first).toMatchObject({ urgency: 'Immediate', certainty: 'Observed', tlp: 'AMBER', personalData: false });
  });

  it('keeps the draft key across steps, and replaces a tampered one rather than trusting it', () => {
    expect(readReportForm(filled).draftKey).toBe(filled.draftKey);
    const tampered = readReportForm({ ...filled, draftKey: "x'; DROP TABLE" });
    expect(tampered.draftKey).not.toContain('DROP');
    expect(tampered.draftKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('accepts a complete report and says what is missing otherwise', () => {
    expect(reportErrors(readReportForm(filled))).toEqual({});
    const errors = reportErrors(readReportForm({ ...filled, commune: '', severity: 'Apocalyptic', headline: ' ' }));
    expect(Object.keys(errors).sort()).toEqual(['commune', 'headline', 'severity']);
    expect(reportErrors(readReportForm({ ...filled, tlp: 'RED' })).tlp).toBeDefined();
    expect(reportErrors(readReportForm({ ...filled, commune: '2a004' }))).toEqual({});
  });

  it('bounds what it reads', () => {
    const form = readReportForm({ ...filled, headline: 'x'.repeat(500), description: ['not', 'text'] });
    expect(form.headline).toHaveLength(160);
    expect(form.description).toBe('');
  });

  it('asks routing with the fields routing reads, and sends ingestion a CAP alert', () => {
    const form = readReportForm(filled);
    expect(previewDraftOf(form)).toEqual({ ...routed, personalData: true });
    expect(alertOf(form)).toEqual({
      status: 'Actual',
      tlp: 'AMBER',
      personalData: true,
      location: { commune: '42218' },
      info: [
        {
          category: ['Security'],
          eventCode: 'intrusion',
          urgency: 'Immediate',
          severity: 'Severe',
          certainty: 'Observed',
          headline: 'Intrusion en cours, entrepôt rue des Docks',
          description: 'Deux individus, capuches noires.',
        },
      ],
    });
    expect(alertOf(readReportForm({ ...filled, description: '' }))).not.toHaveProperty('info.0.description');
  });

  it('resolves a commune typed offline only when it designates one', () => {
    const saintEtienne = { code: '42218', name: 'Saint-Étienne' };
    const others = [
      { code: '63340', name: 'Saint-Étienne-des-Champs' },
      { code: '42219', name: 'Saint-Étienne-le-Molard' },
    ];
    expect(onlyCommune('42000', [saintEtienne])).toBe(saintEtienne);
    expect(onlyCommune('st etienne', [saintEtienne, ...others])).toBe(saintEtienne);
    expect(onlyCommune('saint etienne d', others)).toBeNull();
    expect(onlyCommune('01400', [others[0], others[1]])).toBeNull();
    expect(onlyCommune('nowhere', [])).toBeNull();
  });
});
