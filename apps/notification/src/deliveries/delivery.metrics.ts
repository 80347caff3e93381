import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LATENCY_BUCKETS, Metrics } from '@vigie/observability';
import { failingPrefectureDeliveries, waitingDeliveries } from './deliveries.queries';

export type AttemptOutcome = 'sent' | 'failed' | 'dead' | 'abandoned';

/**
 * Deliveries as an operator watches them: attempts by outcome, the time from an alert's routing
 * to its delivery, the queue by channel and state, and, per département, the deliveries to its
 * prefecture that are failing (the alert an operator must not miss: a prefecture not reached).
 */
@Injectable()
export class DeliveryMetrics {
  private readonly attempts;
  private readonly latency;

  constructor(metrics: Metrics, dataSource: DataSource) {
    this.attempts = metrics.counter({
      name: 'vigie_delivery_attempts_total',
      help: 'Delivery attempts by channel and outcome (sent, failed: retried later, dead: given up, abandoned: not sendable)',
      labelNames: ['channel', 'outcome'],
    });
    this.latency = metrics.histogram({
      name: 'vigie_delivery_latency_seconds',
      help: 'Time from a delivery planned (the message routed) to the recipient acknowledging receipt (2xx, or mail accepted), by channel',
      labelNames: ['channel'],
      buckets: [...LATENCY_BUCKETS, 60, 300, 900, 3600],
    });
    metrics.gauge({
      name: 'vigie_deliveries_waiting',
      help: 'Deliveries not yet sent, by channel and state (pending: not tried yet, failed: waiting for a retry)',
      labelNames: ['channel', 'state'],
      async collect() {
        const rows = await waitingDeliveries(dataSource.manager);
        this.reset();
        for (const channel of ['webhook', 'email']) {
          for (const state of ['pending', 'failed']) this.set({ channel, state }, 0);
        }
        for (const row of rows) this.set({ channel: row.channel, state: row.status }, row.count);
      },
    });
    metrics.gauge({
      name: 'vigie_prefecture_deliveries_failing',
      help: "Deliveries to a département's prefecture currently failing (waiting for a retry), by département",
      labelNames: ['department'],
      async collect() {
        const rows = await failingPrefectureDeliveries(dataSource.manager);
        this.reset();
        for (const row of rows) this.set({ department: row.department }, row.count);
      },
    });
  }

  attempted(channel: string, outcome: AttemptOutcome, plannedAt?: Date): void {
    this.attempts.inc({ channel, outcome });
    if (outcome === 'sent' && plannedAt) this.latency.observe({ channel }, (Date.now() - plannedAt.getTime()) / 1000);
  }
}
