import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: number;
  /** The status answered, or 'hang' when the request was left without an answer. */
  answered: number | 'hang';
}

/** How the sink answers its nth request (0-based): a status, or 'hang' to accept and never answer. */
export type SinkResponder = (request: ReceivedRequest, index: number) => number | 'hang';

export interface WebhookSinkOptions {
  /** The answer to each request (204 by default). */
  respond?: SinkResponder;
  /** Answer this long after the request arrived, like a slow partner (0: at once). */
  respondAfterMs?: number;
}

/** A loopback HTTP endpoint that records every request it receives and answers 204 (or as scripted). */
export class WebhookSink {
  readonly received: ReceivedRequest[] = [];
  private readonly server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const received: ReceivedRequest = {
        path: request.url ?? '/',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        receivedAt: Date.now(),
        answered: 204,
      };
      received.answered = (this.options.respond ?? (() => 204))(received, this.received.length);
      // Recorded on arrival: a sender that dies before the answer still counts as having sent it.
      this.received.push(received);
      const status = received.answered;
      if (status === 'hang') return;
      const answer = (): void => void response.writeHead(status).end();
      if (this.options.respondAfterMs) setTimeout(answer, this.options.respondAfterMs).unref();
      else answer();
    });
  });

  private constructor(private readonly options: WebhookSinkOptions) {}

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/hooks/vigie`;
  }

  /** A responder function, or options. */
  static async start(options: WebhookSinkOptions | SinkResponder = {}): Promise<WebhookSink> {
    const sink = new WebhookSink(typeof options === 'function' ? { respond: options } : options);
    await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', resolve));
    return sink;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
