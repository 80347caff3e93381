import { InvalidRequestError } from '@vigie/platform';
import { period } from './time-to-acknowledge.controller';
import { prefectureOf } from './time-to-acknowledge.queries';

describe('time to acknowledge', () => {
  const now = new Date('2026-12-04T12:00:00Z');
  /** A row of the query for the prefecture of the Rhône, with these figures. */
  const prefectureWith = (figures: Omit<Parameters<typeof prefectureOf>[0], 'prefecture_id' | 'department'>) =>
    prefectureOf({ prefecture_id: 'p', department: '69', ...figures });

  it('defaults the period to the 30 days before now', () => {
    const { from, to } = period({}, now);
    expect(to).toEqual(now);
    expect(from).toEqual(new Date('2026-11-04T12:00:00Z'));
  });

  it('refuses an empty or inverted period and one longer than 366 days', () => {
    expect(() => period({ from: '2026-12-04T12:00:00Z', to: '2026-12-04T12:00:00Z' }, now)).toThrow(
      InvalidRequestError,
    );
    expect(() => period({ from: '2025-12-01T00:00:00Z', to: '2026-12-04T00:00:00Z' }, now)).toThrow(
      InvalidRequestError,
    );
  });

  it('reads counts as numbers and rounds the percentiles to whole seconds', () => {
    const row = prefectureWith({ escalations: '12', unacknowledged: '3', median_seconds: 90.4, p90_seconds: 600.6 });
    expect(row).toEqual({
      prefectureId: 'p',
      department: '69',
      escalations: 12,
      unacknowledged: 3,
      medianSeconds: 90,
      p90Seconds: 601,
    });
  });

  it('keeps no percentile when nothing was acknowledged', () => {
    const row = prefectureWith({ escalations: '2', unacknowledged: '2', median_seconds: null, p90_seconds: null });
    expect(row.medianSeconds).toBeNull();
    expect(row.p90Seconds).toBeNull();
  });
});
