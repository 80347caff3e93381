import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Metrics } from '@vigie/observability';

/** Why an alert was refused, from the answer's status: a small, fixed set of label values. */
export function refusalReason(status: number): string {
  switch (status) {
    case 400:
    case 422:
      return 'invalid';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 413:
      return 'too_large';
    case 415:
      return 'unsupported_media_type';
    case 429:
      return 'rate_limited';
    default:
      return status >= 500 ? 'server_error' : 'other';
  }
}

/**
 * Counts the alerts submitted, updated and cancelled, accepted or refused and why. A middleware,
 * so refusals by the rate limiter and authentication (which run before any controller) count too.
 */
@Injectable()
export class AlertIntakeMetrics implements NestMiddleware {
  private readonly accepted;
  private readonly refused;

  constructor(metrics: Metrics) {
    this.accepted = metrics.counter({
      name: 'vigie_alerts_accepted_total',
      help: 'Alert submissions, updates and cancellations accepted (a replayed idempotent submission included)',
      labelNames: ['kind'],
    });
    this.refused = metrics.counter({
      name: 'vigie_alerts_refused_total',
      help: 'Alert submissions, updates and cancellations refused, by reason',
      labelNames: ['kind', 'reason'],
    });
  }

  use(request: Request, response: Response, next: NextFunction): void {
    const path = request.originalUrl.split('?')[0];
    const kind = path.endsWith('/updates') ? 'update' : path.endsWith('/cancel') ? 'cancel' : 'submit';
    response.once('finish', () => {
      if (response.statusCode < 300) this.accepted.inc({ kind });
      else this.refused.inc({ kind, reason: refusalReason(response.statusCode) });
    });
    next();
  }
}
