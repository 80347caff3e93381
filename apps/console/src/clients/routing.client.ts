import { Injectable } from '@nestjs/common';
import type { components } from '@vigie/client';
import type { BroadcastSnapshot } from '@vigie/contracts';
import { ServiceClient } from './service-call';

export type RoutingDecision = components['schemas']['RoutingDecisionView'];

export type BroadcastDraft = components['schemas']['SendBroadcastDto'];

export type BroadcastPreview = components['schemas']['BroadcastPreviewView'];

/** What routing reads of a draft alert to say who would receive it. */
export type AlertPreviewDraft = components['schemas']['PreviewAlertDto'];

/** An organisation the rules test bench may try an alert as. */
export type PreviewSender = components['schemas']['PreviewSenderView'];

export type AlertPreview = components['schemas']['RoutingPreviewView'];

/** The API description types the broadcast as any object: it is the `BroadcastSnapshot` of the contracts. */
export type Broadcast = Omit<components['schemas']['BroadcastView'], 'broadcast'> & { broadcast: BroadcastSnapshot };

/** Prefect routing: why an alert reached whom, and the prefecture's broadcasts. */
@Injectable()
export class RoutingClient extends ServiceClient('prefect-routing', 'routing') {
  async decision(bearer: string, alertId: string): Promise<RoutingDecision> {
    const path = `/v1/alerts/${encodeURIComponent(alertId)}/routing`;
    return (await this.http.call<RoutingDecision>('GET', path, { bearer })).body;
  }

  /** Who a draft alert would reach and why; nothing is stored or sent. */
  async previewAlert(bearer: string, draft: AlertPreviewDraft): Promise<AlertPreview> {
    return (await this.http.call<AlertPreview>('POST', '/v1/routing/preview', { bearer, body: draft })).body;
  }

  /** Whom the rules test bench may try an alert as, over the caller's scope. */
  async previewSenders(bearer: string): Promise<PreviewSender[]> {
    return (await this.http.call<PreviewSender[]>('GET', '/v1/routing/preview/senders', { bearer })).body;
  }

  async previewBroadcast(bearer: string, draft: BroadcastDraft): Promise<BroadcastPreview> {
    return (await this.http.call<BroadcastPreview>('POST', '/v1/broadcasts/preview', { bearer, body: draft })).body;
  }

  async sendBroadcast(bearer: string, draft: BroadcastDraft): Promise<Broadcast> {
    return (await this.http.call<Broadcast>('POST', '/v1/broadcasts', { bearer, body: draft })).body;
  }

  /** One broadcast: with its recipients (`routing`) for its sender. */
  async broadcast(bearer: string, broadcastId: string): Promise<Broadcast> {
    const path = `/v1/broadcasts/${encodeURIComponent(broadcastId)}`;
    return (await this.http.call<Broadcast>('GET', path, { bearer })).body;
  }

  async broadcasts(bearer: string): Promise<Broadcast[]> {
    return (await this.http.call<Broadcast[]>('GET', '/v1/broadcasts', { bearer })).body;
  }
}
