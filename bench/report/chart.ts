import type { StepResult } from '../load/step';

/**
 * Latency versus offered rate for Vigie and the raw Kafka baseline, p50 and p99, both axes
 * logarithmic; steps that were not sustained are drawn hollow. Vega-Lite compiled to Vega,
 * rendered headless to SVG (no browser, no canvas).
 */
export async function latencyChart(steps: StepResult[]): Promise<string> {
  // Both libraries ship ES modules only: loaded with import(), kept as such by the compiler.
  const vega = await import('vega');
  const vegaLite = await import('vega-lite');
  const values = steps.flatMap((step) =>
    (['p50', 'p99'] as const).map((percentile) => ({
      system: step.target === 'vigie' ? 'Vigie (HTTP → signed webhook)' : 'raw kafkajs two-hop',
      series: `${step.target === 'vigie' ? 'Vigie' : 'kafka two-hop'} ${percentile}`,
      percentile,
      rate: step.rate,
      ms: Math.max(0.1, step.latency[percentile]),
      sustained: step.sustained ? 'sustained' : 'backlog grows',
    })),
  );
  const spec = vegaLite.compile({
    title: {
      text: 'End-to-end latency vs offered rate (open loop, from intended send time)',
      subtitle: 'solid: p50 · dashed: p99 · both axes logarithmic',
      fontSize: 13,
    },
    width: 560,
    height: 320,
    background: 'white',
    data: { values },
    mark: { type: 'line', point: { size: 50 } },
    encoding: {
      x: { field: 'rate', type: 'quantitative', title: 'offered rate (messages/s)', scale: { type: 'log' } },
      y: { field: 'ms', type: 'quantitative', title: 'latency (ms)', scale: { type: 'log' } },
      color: { field: 'system', type: 'nominal', title: null, legend: { labelLimit: 320 } },
      strokeDash: {
        field: 'percentile',
        type: 'nominal',
        title: null,
        legend: null,
      },
      detail: { field: 'series', type: 'nominal' },
      shape: { field: 'sustained', type: 'nominal', title: null, legend: { symbolFillColor: 'gray' } },
    },
  }).spec;
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}
