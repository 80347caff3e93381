import {
  REPORT_MARKERS,
  latestPerScenario,
  parseRows,
  renderReport,
  withReport,
  type RecordedRow,
} from './reliability-report';

const row = (overrides: Partial<RecordedRow>): RecordedRow => ({
  suite: 'faults',
  scenario: 'kill -9 prefect-routing',
  sent: 50,
  accepted: 50,
  delivered: 50,
  transportDuplicates: 2,
  duplicateEffects: 0,
  lost: 0,
  notes: 'killed after 15 alerts',
  at: '2026-11-28T03:29:18.055Z',
  ...overrides,
});

describe('the reliability report', () => {
  it('reads the rows of a JSON-lines file, skipping blank lines', () => {
    const rows = parseRows(`${JSON.stringify(row({}))}\n\n${JSON.stringify(row({ scenario: 'poison' }))}\n`);
    expect(rows.map((r) => r.scenario)).toEqual(['kill -9 prefect-routing', 'poison']);
  });

  it('keeps the latest row of a scenario recorded twice, in the order the scenarios ran', () => {
    const kept = latestPerScenario([
      row({ scenario: 'b', at: '2026-11-28T03:00:02Z' }),
      row({ scenario: 'a', at: '2026-11-28T03:00:01Z', lost: 3 }),
      row({ scenario: 'a', at: '2026-11-28T03:00:03Z', lost: 0 }),
      row({ suite: 'security', scenario: 'a', at: '2026-11-28T03:00:04Z' }),
    ]);
    expect(kept.map((r) => [r.suite, r.scenario, r.lost])).toEqual([
      ['faults', 'b', 0],
      ['faults', 'a', 0],
      ['security', 'a', 0],
    ]);
  });

  it('renders one table per suite with a total, escaping what would break a Markdown table', () => {
    const report = renderReport([
      row({ notes: 'a | b' }),
      row({
        scenario: 'poison',
        sent: 105,
        accepted: 105,
        delivered: 105,
        transportDuplicates: 0,
        at: '2026-11-28T04:11:31Z',
      }),
      row({ suite: 'security', scenario: 'foreign ids', sent: 40, accepted: 0, delivered: 0, transportDuplicates: 0 }),
    ]);
    expect(report.split('\n')).toEqual([
      '_Recorded by the test run that ended 2026-11-28 04:11 UTC._',
      '',
      '### Faults injected',
      '',
      '| fault | sent | accepted | delivered | transport duplicates | duplicate effects (must be 0) | lost (must be 0) | what happened |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      '| kill -9 prefect-routing | 50 | 50 | 50 | 2 | 0 | 0 | a \\| b |',
      '| poison | 105 | 105 | 105 | 0 | 0 | 0 | killed after 15 alerts |',
      '| **total** | 155 | 155 | 155 | 2 | 0 | 0 |  |',
      '',
      '### Attacks tried',
      '',
      '| attack | sent | accepted | delivered | transport duplicates | duplicate effects (must be 0) | lost (must be 0) | what happened |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      '| foreign ids | 40 | 0 | 0 | 0 | 0 | 0 | killed after 15 alerts |',
      '| **total** | 40 | 0 | 0 | 0 | 0 | 0 |  |',
      '',
    ]);
  });

  it('replaces only what lies between the markers', () => {
    const document = `# Reliability\n\nby hand\n\n${REPORT_MARKERS.start}\nold table\n${REPORT_MARKERS.end}\n\nmore by hand\n`;
    expect(withReport(document, 'new table\n')).toBe(
      `# Reliability\n\nby hand\n\n${REPORT_MARKERS.start}\n\nnew table\n\n${REPORT_MARKERS.end}\n\nmore by hand\n`,
    );
    expect(() => withReport('# no markers', 'table')).toThrow('no reliability-table markers');
  });
});
