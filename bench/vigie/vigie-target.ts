import type { Arrival, LoadTarget } from '../load/step';
import { AlertPoster } from './alert-poster';
import type { SignedSink } from './signed-sink';

/**
 * Vigie end to end: each message is an alert POSTed to ingestion by the bench publisher; it
 * arrives when the competent prefecture's webhook on the sink receives it, signed. The
 * delivery body tells when ingestion accepted it and when routing decided.
 */
export class VigieTarget implements LoadTarget {
  readonly name = 'vigie';
  onArrival: ((arrival: Arrival) => void) | null = null;
  private readonly poster: AlertPoster;

  constructor(
    ingestionUrl: string,
    publisherKey: string,
    sink: SignedSink,
    private readonly commune: string,
  ) {
    this.poster = new AlertPoster(ingestionUrl, publisherKey);
    sink.onDelivery = (delivery) =>
      this.onArrival?.({
        tag: delivery.identifier,
        receivedAt: delivery.receivedAt,
        marks: [
          ['ingested', delivery.sentAt],
          ['routed', delivery.routedAt],
        ],
      });
  }

  send(tag: string): Promise<string | null> {
    return this.poster.post({ identifier: tag, commune: this.commune, severity: 'Moderate', tlp: 'AMBER' });
  }

  close(): void {
    this.poster.close();
  }
}
