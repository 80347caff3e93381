import { declaredMetrics, parseSamples, sampleSum } from './prometheus-text';

const TEXT = `# HELP vigie_alerts_refused_total Refused
# TYPE vigie_alerts_refused_total counter
vigie_alerts_refused_total{kind="submit",reason="invalid"} 3
vigie_alerts_refused_total{kind="update",reason="invalid"} 1
vigie_alerts_refused_total{kind="submit",reason="rate_limited"} 2
# TYPE vigie_sse_connections gauge
# TYPE label_with_quote gauge
label_with_quote{a="x\\"y"} 4
`;

describe('Prometheus text', () => {
  it('reads samples with their labels', () => {
    expect(parseSamples(TEXT)).toHaveLength(4);
    expect(parseSamples(TEXT)[3]).toEqual({ name: 'label_with_quote', labels: { a: 'x\\"y' }, value: 4 });
  });

  it('sums the samples whose labels match', () => {
    expect(sampleSum(TEXT, 'vigie_alerts_refused_total')).toBe(6);
    expect(sampleSum(TEXT, 'vigie_alerts_refused_total', { reason: 'invalid' })).toBe(4);
    expect(sampleSum(TEXT, 'vigie_alerts_refused_total', { kind: 'submit', reason: 'invalid' })).toBe(3);
    expect(sampleSum(TEXT, 'absent')).toBe(0);
  });

  it('lists declared metrics, with or without samples', () => {
    expect(declaredMetrics(TEXT)).toEqual(
      new Set(['vigie_alerts_refused_total', 'vigie_sse_connections', 'label_with_quote']),
    );
  });
});
