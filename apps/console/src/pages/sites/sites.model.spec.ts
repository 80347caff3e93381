import { sitesCsv, type SiteRow } from './sites.model';

const row = (overrides: Partial<SiteRow>): SiteRow => ({
  name: 'Centre commercial',
  operator: 'Exploitant',
  commune: 'Lyon (69)',
  securityPlan: 'APPROVED',
  securityPlanDetail: 'v3 — 2025-01-01',
  coordinator: 'Camille Martin',
  coordinatorPhone: '+33 4 72 00 00 00',
  missing: [],
  ...overrides,
});

describe('the sites CSV', () => {
  it('is what a French spreadsheet opens: BOM, semicolons, CRLF', () => {
    const csv = sitesCsv([row({})], (status) => (status === 'APPROVED' ? 'Approuvé' : status));
    expect(csv.startsWith('\uFEFFSite;Exploitant;Commune;Plan de sécurité')).toBe(true);
    expect(csv).toContain(
      '\r\nCentre commercial;Exploitant;Lyon (69);Approuvé;v3 — 2025-01-01;Camille Martin;+33 4 72 00 00 00\r\n',
    );
  });

  it('quotes separators and defuses formulas', () => {
    const csv = sitesCsv([row({ name: '=HYPERLINK("x")', operator: 'A; B' })], String);
    expect(csv).toContain(`"'=HYPERLINK(""x"")";"A; B"`);
  });
});
