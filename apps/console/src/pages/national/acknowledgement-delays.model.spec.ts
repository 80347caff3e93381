import { delayRows, delaySortOf, delayWords } from './acknowledgement-delays.model';

const row = (department: string, medianSeconds: number | null, p90Seconds: number | null, unacknowledged: number) => ({
  prefectureId: `p-${department}`,
  department,
  escalations: 5,
  unacknowledged,
  medianSeconds,
  p90Seconds,
});

describe('acknowledgement delays', () => {
  it('sorts by the median unless another known column is asked for', () => {
    expect(delaySortOf(undefined)).toBe('mediane');
    expect(delaySortOf('p90')).toBe('p90');
    expect(delaySortOf('DROP TABLE')).toBe('mediane');
  });

  it('writes delays in plain words', () => {
    expect(delayWords(null)).toBe('—');
    expect(delayWords(45)).toBe('45 s');
    expect(delayWords(120)).toBe('2 min');
    expect(delayWords(200)).toBe('3 min 20 s');
    expect(delayWords(7500)).toBe('2 h 05 min');
  });

  it('puts the slowest first, unknown delays last, and names the département', () => {
    const prefectures = [row('13', 60, 600, 0), row('69', null, null, 4), row('2A', 300, 900, 1)];
    expect(delayRows(prefectures, 'mediane').map((r) => r.department)).toEqual(['2A', '13', '69']);
    expect(delayRows(prefectures, 'non-acquittees').map((r) => r.department)).toEqual(['69', '2A', '13']);
    expect(delayRows(prefectures, 'departement').map((r) => r.department)).toEqual(['13', '2A', '69']);
    expect(delayRows(prefectures, 'mediane')[0]).toMatchObject({
      label: 'Corse-du-Sud (2A)',
      median: '5 min',
      p90: '15 min',
    });
  });
});
