import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: number;
}

export interface WebhookSinkOptions {
  /** Answer this long after the request arrived, like a slow partner (0: at once). */
  respondAfterMs?: number;
}

/** A loopback HTTP endpoint that records every request it receives and answers 204. */
export class WebhookSink {
  readonly received: ReceivedRequest[] = [];
  private readonly server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      // Recorded on arrival: a sender that dies before the answer still counts as having sent it.
      this.received.push({
        path: request.url ?? '/',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        receivedAt: Date.now(),
      });
      const answer = (): void => void response.writeHead(204).end();
      if (this.options.respondAfterMs) setTimeout(answer, this.options.respondAfterMs).unref();
      else answer();
    });
  });

  private constructor(private readonly options: WebhookSinkOptions) {}

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/hooks/vigie`;
  }

  static async start(options: WebhookSinkOptions = {}): Promise<WebhookSink> {
    const sink = new WebhookSink(options);
    await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', resolve));
    return sink;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
