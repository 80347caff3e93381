import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Metrics } from '@vigie/observability';
import { armedEscalationGauge } from './escalations.queries';

/** Escalations still armed (an alert no prefecture acknowledged yet), read at scrape time. */
@Injectable()
export class EscalationMetrics {
  constructor(metrics: Metrics, dataSource: DataSource) {
    metrics.gaugesOfRead(() => armedEscalationGauge(dataSource.manager), {
      open: {
        name: 'vigie_escalations_open',
        help: 'Escalations armed: alerts not acknowledged yet by the prefecture they were routed to',
      },
      oldest: {
        name: 'vigie_escalation_oldest_open_age_seconds',
        help: 'Age of the oldest escalation still armed (0 when none is)',
      },
    });
  }
}
