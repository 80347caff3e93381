import { Inject, Injectable } from '@nestjs/common';
import { CONSOLE_CONFIG, type ConsoleConfig } from '../config';
import { ServiceHttp } from './service-call';

/** Counts of alerts over a window, as alert ingestion groups them (counts only, never content). */
export interface AlertFigures {
  from: string;
  to: string;
  departments: string[] | null;
  total: number;
  byDepartment: { department: string; count: number }[];
  byEventCode: { eventCode: string; count: number }[];
  bySeverity: { severity: string; count: number }[];
  byDayAndEventCode: { day: string; eventCode: string; count: number }[];
  byDayAndSeverity: { day: string; severity: string; count: number }[];
}

export interface EscalationFigures {
  departments: string[] | null;
  total: number;
  byDepartment: { department: string; count: number }[];
}

/** Time to acknowledge of one prefecture over a period, in seconds (ADR 36). */
export interface PrefectureDelays {
  prefectureId: string;
  department: string;
  escalations: number;
  unacknowledged: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface DelayFigures {
  from: string;
  to: string;
  departments: string[] | null;
  prefectures: PrefectureDelays[];
}

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

  async timeToAcknowledge(bearer: string, window: { from: Date; to: Date }): Promise<DelayFigures> {
    const query = { from: window.from.toISOString(), to: window.to.toISOString() };
    return (await this.notification.call<DelayFigures>('GET', '/v1/statistics/time-to-acknowledge', { bearer, query }))
      .body;
  }
}
