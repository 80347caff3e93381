import { benchInstances } from './bench-stack';

describe('benchInstances', () => {
  it('names the four services once for a single-process stack', () => {
    expect(benchInstances(1)).toEqual(['partner-registry', 'alert-ingestion', 'prefect-routing', 'notification']);
  });

  it('adds a numbered process of every service per extra instance', () => {
    const names = benchInstances(3);
    expect(names).toHaveLength(12);
    expect(names.filter((name) => name.startsWith('alert-ingestion'))).toEqual([
      'alert-ingestion',
      'alert-ingestion#2',
      'alert-ingestion#3',
    ]);
  });
});
