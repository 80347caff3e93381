import { Injectable } from '@nestjs/common';
import type { components } from '@vigie/client';
import type { BroadcastSnapshot } from '@vigie/contracts';
import { ServiceClient, nextCursorOf, type ListPage } from './service-call';

export type Acknowledgement = components['schemas']['AcknowledgementView'];

/** A delivery of an alert, or of the caller's organisation in a state (`GET /v1/deliveries?state=…`). */
export type Delivery = components['schemas']['DeliveryView'];

export type Escalation = components['schemas']['EscalationView'];

/** Per alert, what the caller's organisation needs in a list: why it came, who acknowledged, escalation. */
export type AlertState = components['schemas']['AlertStateView'];

export type LinkAlert = components['schemas']['LinkedAlertView'];

/** One recipient organisation's acknowledgement of a broadcast. */
export type BroadcastAcknowledgement = components['schemas']['BroadcastAcknowledgementView'];

/**
 * A broadcast as the caller's organisation received it, with its own acknowledgement. The API
 * description types the broadcast as any object: it is the `BroadcastSnapshot` of the contracts.
 */
export type ReceivedBroadcast = Omit<components['schemas']['ReceivedBroadcastView'], 'broadcast'> & {
  broadcast: BroadcastSnapshot;
};

export type Webhook = components['schemas']['WebhookView'];

export type WebhookDelivery = components['schemas']['WebhookDeliveryView'];

/** Notification: acknowledgements, deliveries, escalation, webhooks, broadcasts received and the live stream. */
@Injectable()
export class NotificationClient extends ServiceClient('notification', 'notification') {
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
    const page = await this.http.call<components['schemas']['WebhookDeliveryPage']>('GET', path, {
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
  async deliveriesInState(bearer: string, state: 'failing' | 'dead', limit: number): Promise<Delivery[]> {
    const query = { state, limit: String(limit) };
    return (await this.http.call<Delivery[]>('GET', '/v1/deliveries', { bearer, query })).body;
  }
}
