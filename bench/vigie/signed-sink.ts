import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook } from '../../apps/notification/src/channels/webhook/webhook.signer';
import { now } from '../load/clock';

/** One verified webhook delivery, as the bench sees it. */
export interface SinkDelivery {
  /** The endpoint (one per registered webhook). */
  endpoint: string;
  deliveryId: string;
  /** The CAP identifier the bench gave the alert. */
  identifier: string;
  receivedAt: number;
  /** When ingestion accepted the alert and when routing decided (service clocks, epoch ms). */
  sentAt: number;
  routedAt: number;
}

interface DeliveryBody {
  alert?: { identifier?: string; sent?: string };
  routedAt?: string;
}

/**
 * The receiving end of the benchmark: an HTTP server with one endpoint per registered webhook,
 * which checks every request's HMAC signature the way the README tells integrators to, drops
 * repeated delivery ids, and reports each delivery once.
 */
export class SignedSink {
  onDelivery: ((delivery: SinkDelivery) => void) | null = null;
  /** Requests whose signature did not verify, or whose endpoint is unknown. */
  rejected = 0;
  duplicates = 0;
  private readonly secrets = new Map<string, string>();
  private readonly seen = new Set<string>();
  private readonly server = createServer((request, response) => this.receive(request, response));

  static async start(): Promise<SignedSink> {
    const sink = new SignedSink();
    sink.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', resolve));
    return sink;
  }

  url(endpoint: string): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/hooks/${endpoint}`;
  }

  /** The signing secret Vigie returned when the endpoint's webhook was registered. */
  trust(endpoint: string, secret: string): void {
    this.secrets.set(`/hooks/${endpoint}`, secret);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private receive(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const receivedAt = now();
      const body = Buffer.concat(chunks);
      const secret = this.secrets.get(request.url ?? '');
      const verified =
        secret !== undefined &&
        verifyWebhook({
          secret,
          body,
          timestamp: request.headers['vigie-timestamp'] as string | undefined,
          signature: request.headers['vigie-signature'] as string | undefined,
        });
      if (!verified) {
        this.rejected += 1;
        response.writeHead(401).end();
        return;
      }
      response.writeHead(204).end();
      const deliveryId = String(request.headers['vigie-delivery-id']);
      if (this.seen.has(deliveryId)) {
        this.duplicates += 1;
        return;
      }
      this.seen.add(deliveryId);
      const parsed = JSON.parse(body.toString('utf8')) as DeliveryBody;
      this.onDelivery?.({
        endpoint: (request.url ?? '').slice('/hooks/'.length),
        deliveryId,
        identifier: parsed.alert?.identifier ?? '',
        receivedAt,
        sentAt: Date.parse(parsed.alert?.sent ?? ''),
        routedAt: Date.parse(parsed.routedAt ?? ''),
      });
    });
  }
}
