import { Inject, Injectable } from '@nestjs/common';
import type { BroadcastSnapshot } from '@vigie/contracts';
import { CONSOLE_CONFIG, type ConsoleConfig } from '../config';
import { ServiceHttp, nextCursorOf, type ListPage } from './service-call';

export interface Acknowledgement {
  alertId: string;
  organisationId: string;
  organisationName: string | null;
  channel: string;
  referentName: string | null;
  person?: { id: string; name: string } | null;
  note?: string | null;
  acknowledgedAt: string;
}

export interface Delivery {
  id: string;
  organisationId: string;
  channel: string;
  status: 'pending' | 'failed' | 'sent' | 'dead';
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
}

export interface Escalation {
  status: string;
  nextStep: string | null;
  nextStepAt: string | null;
  steps: { step: string; detail: string; at: string }[];
}

/** Per alert, what the caller's organisation needs in a list: why it came, who acknowledged, escalation. */
export interface AlertState {
  alertId: string;
  rule: string | null;
  reason: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  escalation: { status: string; nextStep: string | null; nextStepAt: string | null } | null;
}

export interface LinkAlert {
  alertId: string;
  organisationName: string;
  acknowledgedAt: string | null;
  headline: string;
  event: string;
  severity: string;
  urgency: string;
  commune: string | null;
  department: string;
  sent: string;
  status: string;
}

/** One recipient organisation's acknowledgement of a broadcast. */
export interface BroadcastAcknowledgement {
  broadcastId: string;
  organisationId: string;
  organisationName: string | null;
  person: { id: string; name: string } | null;
  acknowledgedAt: string;
}

/** A broadcast as the caller's organisation received it, with its own acknowledgement. */
export interface ReceivedBroadcast {
  broadcast: BroadcastSnapshot;
  routedAt: string;
  rule: string;
  reason: string;
  acknowledgement: BroadcastAcknowledgement | null;
}

export interface Webhook {
  id: string;
  url: string;
  createdAt: string;
  disabledAt: string | null;
  disabledReason: string | null;
}

export interface WebhookDelivery {
  id: string;
  type: string;
  subjectId: string;
  status: Delivery['status'];
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
}

/** A delivery of the caller's organisation, as `GET /v1/deliveries?state=…` lists it. */
export interface OrganisationDelivery extends Delivery {
  alertId: string;
  type: string;
  webhookId: string | null;
  createdAt: string;
}

/** Notification: acknowledgements, deliveries, escalation, webhooks, broadcasts received and the live stream. */
@Injectable()
export class NotificationClient {
  private readonly http: ServiceHttp;

  constructor(@Inject(CONSOLE_CONFIG) config: ConsoleConfig) {
    this.http = new ServiceHttp('notification', config.services.notification);
  }

  async acknowledge(bearer: string, alertId: string, note = ''): Promise<Acknowledgement> {
    const path = `/v1/alerts/${encodeURIComponent(alertId)}/acknowledgements`;
    return (await this.http.call<Acknowledgement>('POST', path, { bearer, body: note ? { note } : {} })).body;
  }

  async acknowledgements(bearer: string, alertId: string): Promise<Acknowledgement[]> {
    const path = `/v1/alerts/${encodeURIComponent(alertId)}/acknowledgements`;
    return (await this.http.call<Acknowledgement[]>('GET', path, { bearer })).body;
  }

  async deliveries(bearer: string, alertId: string): Promise<Delivery[]> {
    return (await this.http.call<Delivery[]>('GET', '/v1/deliveries', { bearer, query: { alertId } })).body;
  }

  async escalation(bearer: string, alertId: string): Promise<Escalation | null> {
    try {
      const path = `/v1/alerts/${encodeURIComponent(alertId)}/escalation`;
      return (await this.http.call<Escalation>('GET', path, { bearer })).body;
    } catch (error) {
      if ((error as { status?: number }).status === 404) return null;
      throw error;
    }
  }

  /** One call for a page of alerts (no N+1). */
  async states(bearer: string, alertIds: string[]): Promise<AlertState[]> {
    if (alertIds.length === 0) return [];
    const query = { ids: alertIds.join(',') };
    return (await this.http.call<AlertState[]>('GET', '/v1/alert-states', { bearer, query })).body;
  }

  /** The live stream of what is routed to the caller's organisation. */
  stream(bearer: string, lastEventId: string | undefined, signal: AbortSignal): Promise<Response> {
    return this.http.stream('/v1/stream', bearer, lastEventId, signal);
  }

  async linkAlert(token: string): Promise<LinkAlert> {
    const path = `/v1/acknowledgement-links/${encodeURIComponent(token)}`;
    return (await this.http.call<LinkAlert>('GET', path)).body;
  }

  async acknowledgeByLink(token: string): Promise<Acknowledgement> {
    const path = `/v1/acknowledgement-links/${encodeURIComponent(token)}`;
    return (await this.http.call<Acknowledgement>('POST', path)).body;
  }

  /** The broadcasts routed to the caller's organisation, newest first. */
  /** A page of the broadcasts routed to the organisation, newest first; a forged cursor is notification's 400. */
  async receivedBroadcasts(
    bearer: string,
    page: { cursor?: string; limit: number },
  ): Promise<ListPage<ReceivedBroadcast>> {
    const query = { cursor: page.cursor, limit: String(page.limit) };
    const answer = await this.http.call<ReceivedBroadcast[]>('GET', '/v1/received-broadcasts', { bearer, query });
    return { items: answer.body, nextCursor: nextCursorOf(answer.headers) };
  }

  async receivedBroadcast(bearer: string, broadcastId: string): Promise<ReceivedBroadcast> {
    const path = `/v1/received-broadcasts/${encodeURIComponent(broadcastId)}`;
    return (await this.http.call<ReceivedBroadcast>('GET', path, { bearer })).body;
  }

  /** Idempotent: a second acknowledgement answers the first. */
  async acknowledgeBroadcast(bearer: string, broadcastId: string): Promise<BroadcastAcknowledgement> {
    const path = `/v1/broadcasts/${encodeURIComponent(broadcastId)}/acknowledgements`;
    return (await this.http.call<BroadcastAcknowledgement>('POST', path, { bearer })).body;
  }

  /** The acknowledgements of a page of broadcasts, in one call (the sender sees every recipient's). */
  async broadcastAcknowledgements(bearer: string, broadcastIds: string[]): Promise<BroadcastAcknowledgement[]> {
    if (broadcastIds.length === 0) return [];
    const query = { ids: broadcastIds.join(',') };
    return (
      await this.http.call<BroadcastAcknowledgement[]>('GET', '/v1/broadcast-acknowledgements', { bearer, query })
    ).body;
  }

  async webhooks(bearer: string): Promise<Webhook[]> {
    return (await this.http.call<Webhook[]>('GET', '/v1/webhooks', { bearer })).body;
  }

  /** One of the caller's webhooks: its recent deliveries, newest first (another organisation's: 404). */
  async webhookDeliveries(bearer: string, webhookId: string, limit: number): Promise<WebhookDelivery[]> {
    const path = `/v1/webhooks/${encodeURIComponent(webhookId)}/deliveries`;
    const page = await this.http.call<{ items: WebhookDelivery[] }>('GET', path, {
      bearer,
      query: { limit: String(limit) },
    });
    return page.body.items;
  }

  async redeliver(bearer: string, webhookId: string, deliveryId: string): Promise<WebhookDelivery> {
    const path = `/v1/webhooks/${encodeURIComponent(webhookId)}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`;
    return (await this.http.call<WebhookDelivery>('POST', path, { bearer })).body;
  }

  /** The caller's organisation's failing (being retried) or dead (given up) deliveries, newest first. */
  async deliveriesInState(bearer: string, state: 'failing' | 'dead', limit: number): Promise<OrganisationDelivery[]> {
    const query = { state, limit: String(limit) };
    return (await this.http.call<OrganisationDelivery[]>('GET', '/v1/deliveries', { bearer, query })).body;
  }
}
