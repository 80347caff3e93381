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
      received.answered = this.respond(received, this.received.length);
      this.received.push(received);
      if (received.answered !== 'hang') response.writeHead(received.answered).end();
    });
  });

  private constructor(private readonly respond: SinkResponder) {}

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/hooks/vigie`;
  }

  static async start(respond: SinkResponder = () => 204): Promise<WebhookSink> {
    const sink = new WebhookSink(respond);
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
