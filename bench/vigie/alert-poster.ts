import { Agent, request } from 'node:http';

export interface BenchAlert {
  /** CAP identifier: how the sink recognises the alert. */
  identifier: string;
  commune: string;
  severity: 'Moderate' | 'Severe';
  /** AMBER reaches State recipients only; GREEN also the sender's convention community. */
  tlp: 'AMBER' | 'GREEN';
}

const STALE_SOCKET_RETRIES = 3;

/**
 * POSTs alerts to ingestion over kept-alive connections (node:http, lighter than fetch at
 * thousands of requests per second). Resolves with null on 201, or with what went wrong.
 */
export class AlertPoster {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1024 });
  private readonly url: URL;

  constructor(
    ingestionUrl: string,
    private readonly key: string,
  ) {
    this.url = new URL('/v1/alerts', ingestionUrl);
  }

  post(alert: BenchAlert): Promise<string | null> {
    const body = JSON.stringify({
      identifier: alert.identifier,
      status: 'Actual',
      tlp: alert.tlp,
      location: { commune: alert.commune },
      info: [
        {
          category: ['Security'],
          eventCode: 'intrusion',
          urgency: 'Immediate',
          severity: alert.severity,
          certainty: 'Observed',
          headline: 'Intrusion en cours, entrepôt',
          description: 'Deux individus aperçus sur le toit de l’entrepôt, alarme déclenchée.',
        },
      ],
    });
    return this.send(body, STALE_SOCKET_RETRIES);
  }

  private send(body: string, retriesLeft: number): Promise<string | null> {
    return new Promise((resolve) => {
      const outgoing = request(
        this.url,
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            authorization: `Bearer ${this.key}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve(
              response.statusCode === 201
                ? null
                : `HTTP ${response.statusCode} ${Buffer.concat(chunks).toString('utf8').slice(0, 200)}`,
            ),
          );
        },
      );
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive connection the server closed for idleness just as it was reused: the request
        // never reached ingestion, so it is sent again (the pattern the Node.js documentation gives).
        // After a pause several pooled connections may be stale at once, hence a few tries.
        if (retriesLeft > 0 && outgoing.reusedSocket && error.code === 'ECONNRESET') {
          resolve(this.send(body, retriesLeft - 1));
          return;
        }
        resolve(error.message);
      });
      outgoing.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
