import { slopePerMinute, soakSlopes, type SoakMinute } from './soak';

const minute = (n: number, rss: number, outbox: number, lag: number): SoakMinute => ({
  minute: n,
  sent: 60,
  delivered: 60,
  p99: 10,
  rssMb: { notification: rss },
  tableMb: { 'ingestion.outbox': outbox },
  consumerLag: lag,
});

describe('soak slopes', () => {
  it('is the least-squares growth per minute', () => {
    expect(slopePerMinute([10, 12, 14, 16])).toBe(2);
    expect(slopePerMinute([5, 5, 5])).toBe(0);
    expect(slopePerMinute([7])).toBe(0);
  });

  it('looks only at the second half, once retention has run', () => {
    // The outbox grows for three minutes, then retention holds it at 3 MB; memory keeps growing.
    const minutes = [1, 2, 3, 3, 3, 3].map((outbox, index) => minute(index + 1, 200 + index * 10, outbox, 0));
    const slopes = soakSlopes(minutes);
    expect(slopes.tableMbPerMinute['ingestion.outbox']).toBe(0);
    expect(slopes.rssMbPerMinute.notification).toBe(10);
    expect(slopes.lagPerMinute).toBe(0);
  });
});
