import type { Arrival, LoadTarget } from '../load/step';
import { AlertPoster } from './alert-poster';
import type { SignedSink } from './signed-sink';

/**
 * Vigie end to end: each message is an alert POSTed to ingestion by the bench publisher (to each
 * ingestion process in turn when there are several); it
 * arrives when the competent prefecture's webhook on the sink receives it, signed. The
 * delivery body tells when ingestion accepted it and when routing decided.
 */
export class VigieTarget implements LoadTarget {
  readonly name = 'vigie';
  onArrival: ((arrival: Arrival) => void) | null = null;
  private readonly posters: AlertPoster[];
  private sent = 0;

  constructor(
    ingestionUrls: string[],
    publisherKey: string,
    sink: SignedSink,
    private readonly commune: string,
  ) {
    this.posters = ingestionUrls.map((url) => new AlertPoster(url, publisherKey));
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
    const poster = this.posters[this.sent++ % this.posters.length];
    return poster.post({ identifier: tag, commune: this.commune, severity: 'Moderate', tlp: 'AMBER' });
  }

  close(): void {
    for (const poster of this.posters) poster.close();
  }
}
