import { build, type Histogram } from 'hdr-histogram-js';

export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Latencies in milliseconds, kept as microseconds in an HDR histogram (3 significant digits). */
export class LatencyRecorder {
  private readonly histogram: Histogram = build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 3_600_000_000,
    numberOfSignificantValueDigits: 3,
  });

  record(ms: number): void {
    this.histogram.recordValue(Math.max(1, Math.round(ms * 1000)));
  }

  summary(): Percentiles {
    const ms = (percentile: number): number => round(this.histogram.getValueAtPercentile(percentile) / 1000);
    return {
      count: this.histogram.totalCount,
      p50: ms(50),
      p95: ms(95),
      p99: ms(99),
      max: round(this.histogram.maxValue / 1000),
    };
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
