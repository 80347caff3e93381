import { Injectable } from '@nestjs/common';
import type { components } from '@vigie/client';
import type { AlertSnapshot } from '@vigie/contracts';
import { ServiceClient, nextCursorOf, type ListPage } from './service-call';

/** The API description names only the id beside the snapshot: the rest is the `AlertSnapshot` of the contracts. */
export type Alert = AlertSnapshot & components['schemas']['AlertView'];

/** What ingestion answers a new alert: its id. */
type SubmittedAlert = components['schemas']['AlertView'];

export interface AlertFilters {
  status?: string;
  eventCode?: string;
  severity?: string;
  department?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: string;
}

export type AlertPage = Omit<components['schemas']['AlertPageView'], 'alerts'> & { alerts: Alert[] };

/** Alert ingestion: the alerts sent by, or routed to, the person's organisation. */
@Injectable()
export class IngestionClient extends ServiceClient('alert-ingestion', 'ingestion') {
  async alerts(bearer: string, filters: AlertFilters): Promise<AlertPage> {
    return (await this.http.call<AlertPage>('GET', '/v1/alerts', { bearer, query: { ...filters } })).body;
  }

  /**
   * Submits an alert. The idempotency key makes a resend (double click, retry after a lost
   * answer, a reload) return the alert already created instead of a second one.
   */
  async submit(bearer: string, alert: object, idempotencyKey: string): Promise<SubmittedAlert> {
    return (
      await this.http.call<SubmittedAlert>('POST', '/v1/alerts', {
        bearer,
        body: alert,
        headers: { 'idempotency-key': idempotencyKey },
      })
    ).body;
  }

  async alert(bearer: string, id: string): Promise<Alert> {
    return (await this.http.call<Alert>('GET', `/v1/alerts/${encodeURIComponent(id)}`, { bearer })).body;
  }

  /** What the person's organisation reported: the latest message of each chain, most recent first. */
  /** A page of what the organisation reported (each chain's latest message); a forged cursor is ingestion's 400. */
  async sent(bearer: string, page: { cursor?: string; limit: number }): Promise<ListPage<Alert>> {
    const query = { cursor: page.cursor, limit: String(page.limit) };
    const answer = await this.http.call<Alert[]>('GET', '/v1/sent-alerts', { bearer, query });
    return { items: answer.body, nextCursor: nextCursorOf(answer.headers) };
  }

  /** A CAP Update of one of the organisation's alerts; the key makes a resent form update once. */
  async update(bearer: string, id: string, alert: object, idempotencyKey: string): Promise<Alert> {
    const path = `/v1/alerts/${encodeURIComponent(id)}/updates`;
    return (
      await this.http.call<Alert>('POST', path, {
        bearer,
        body: alert,
        headers: { 'idempotency-key': idempotencyKey },
      })
    ).body;
  }

  /** A CAP Cancel of one of the organisation's alerts; the key makes a resent form cancel once. */
  async cancel(bearer: string, id: string, note: string, idempotencyKey: string): Promise<Alert> {
    const path = `/v1/alerts/${encodeURIComponent(id)}/cancel`;
    return (
      await this.http.call<Alert>('POST', path, {
        bearer,
        body: { note },
        headers: { 'idempotency-key': idempotencyKey },
      })
    ).body;
  }

  /** The update/cancel chain of an alert the caller may read, oldest first. */
  async chain(bearer: string, id: string): Promise<Alert[]> {
    return (await this.http.call<Alert[]>('GET', `/v1/alerts/${encodeURIComponent(id)}/chain`, { bearer })).body;
  }
}
