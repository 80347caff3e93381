import { Inject, Injectable } from '@nestjs/common';
import type { components } from '@vigie/client';
import { CONSOLE_CONFIG, type ConsoleConfig } from '../config';
import { ServiceHttp } from './service-call';

/** Counts of alerts over a window, as alert ingestion groups them (counts only, never content). */
export type AlertFigures = components['schemas']['AlertStatisticsView'];

/** Escalations still armed, by département. */
export type EscalationFigures = components['schemas']['OpenEscalationsView'];

/** Time to acknowledge of one prefecture over a period, in seconds (ADR 36). */
export type PrefectureDelays = components['schemas']['PrefectureTimeToAcknowledgeView'];

export type DelayFigures = components['schemas']['TimeToAcknowledgeView'];

/** One armed escalation as notification lists it; the headline is null unless the person's organisation may read the alert (ADR 40). */
export type OpenEscalation = components['schemas']['OpenEscalationView'];

export type OpenEscalationPage = components['schemas']['OpenEscalationPageView'];

/** The statistics APIs of alert ingestion and notification, scoped by each service to the person. */
@Injectable()
export class StatisticsClient {
  private readonly ingestion: ServiceHttp;
  private readonly notification: ServiceHttp;

  constructor(@Inject(CONSOLE_CONFIG) config: ConsoleConfig) {
    this.ingestion = new ServiceHttp('alert-ingestion', config.services.ingestion);
    this.notification = new ServiceHttp('notification', config.services.notification);
  }

  async alerts(bearer: string, window: { from: Date; to: Date; department?: string }): Promise<AlertFigures> {
    const query = { from: window.from.toISOString(), to: window.to.toISOString(), department: window.department };
    return (await this.ingestion.call<AlertFigures>('GET', '/v1/statistics/alerts', { bearer, query })).body;
  }

  async openEscalations(bearer: string): Promise<EscalationFigures> {
    return (await this.notification.call<EscalationFigures>('GET', '/v1/statistics/escalations', { bearer })).body;
  }

  /** The open escalations, oldest first, a page at a time (notification scopes them to the person). */
  async openEscalationPage(bearer: string, page: { cursor?: string; limit: number }): Promise<OpenEscalationPage> {
    const query = { cursor: page.cursor, limit: String(page.limit) };
    return (await this.notification.call<OpenEscalationPage>('GET', '/v1/escalations', { bearer, query })).body;
  }

  async timeToAcknowledge(bearer: string, window: { from: Date; to: Date }): Promise<DelayFigures> {
    const query = { from: window.from.toISOString(), to: window.to.toISOString() };
    return (await this.notification.call<DelayFigures>('GET', '/v1/statistics/time-to-acknowledge', { bearer, query }))
      .body;
  }
}
