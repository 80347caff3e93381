import { metricNamesIn } from './promql';

describe('metric names in PromQL', () => {
  it('lists the selected metrics, histogram series as their family', () => {
    expect(
      metricNamesIn(
        'sum by (job) (rate(http_request_duration_seconds_count{status_code=~"5.."}[5m])) / sum(rate(vigie_events_handled_total[5m])) > 0.05',
      ).sort(),
    ).toEqual(['http_request_duration_seconds', 'vigie_events_handled_total']);
    expect(metricNamesIn('max by (department) (vigie_prefecture_deliveries_failing) > 0')).toEqual([
      'vigie_prefecture_deliveries_failing',
    ]);
  });

  it('refuses an expression Prometheus would not load', () => {
    expect(() => metricNamesIn('sum by (job (vigie_x)')).toThrow(/not valid PromQL/);
    expect(() => metricNamesIn('rate(vigie_x[5m]')).toThrow(/not valid PromQL/);
  });
});
