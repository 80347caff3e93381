import { Inject, Injectable } from '@nestjs/common';
import type { BroadcastSnapshot } from '@vigie/contracts';
import { CONSOLE_CONFIG, type ConsoleConfig } from '../config';
import { ServiceHttp } from './service-call';

export interface RoutingDecision {
  alertId: string;
  department: string;
  routedAt: string;
  recipients: { organisationId: string; rule: string; reason: string }[];
  excluded: { organisationId: string; rule: string; reason: string }[];
  warnings: string[];
}

export interface BroadcastDraft {
  headline: string;
  description: string;
  instruction?: string;
  severity: string;
  status: string;
  tlp: string;
  sectors?: string[];
  conventions?: string[];
}

export interface BroadcastPreview {
  recipients: { organisationId: string; name: string; kind: string; rule: string; reason: string }[];
  excluded: { organisationId: string; name: string; reason: string }[];
  warnings: string[];
}

/** What routing reads of a draft alert to say who would receive it. */
export interface AlertPreviewDraft {
  /** The INSEE code of the commune. */
  commune: string;
  eventCode: string;
  severity: string;
  urgency: string;
  certainty: string;
  tlp: string;
  /** The description speaks of people (a description of suspects, a name): erased after the retention period. */
  personalData: boolean;
  /** Actual (the default) or Exercise. */
  status?: string;
  /** The rules test bench: preview as this organisation (administrators, prefectures' operators). */
  senderOrganisationId?: string;
}

/** An organisation the rules test bench may try an alert as. */
export interface PreviewSender {
  organisationId: string;
  name: string;
  kind: string;
  departments: string[];
}

export interface AlertPreview {
  department: string;
  recipients: { organisationId: string; name: string; kind: string; rules: string[]; reasons: string[] }[];
  excluded: { organisationId: string; name: string; rule: string; reason: string }[];
  warnings: string[];
}

export interface Broadcast {
  broadcast: BroadcastSnapshot;
  routedAt: string;
  routing?: { recipients: { organisationId: string; reason: string }[]; warnings: string[] };
}

/** Prefect routing: why an alert reached whom, and the prefecture's broadcasts. */
@Injectable()
export class RoutingClient {
  private readonly http: ServiceHttp;

  constructor(@Inject(CONSOLE_CONFIG) config: ConsoleConfig) {
    this.http = new ServiceHttp('prefect-routing', config.services.routing);
  }

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
