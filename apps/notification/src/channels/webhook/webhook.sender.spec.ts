import { getEventListeners } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { pinnedLookup, sendWebhook } from './webhook.sender';
import { newWebhookSecret, verifyWebhook } from './webhook.signer';

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

// A receiver on the loopback interface only; nothing else is ever contacted.
describe('sending a webhook', () => {
  let server: Server;
  let base: string;
  const received: Received[] = [];
  let respond: (request: IncomingMessage, response: ServerResponse) => void;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString() });
        respond(request, response);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    received.length = 0;
    respond = (_, response) => response.writeHead(204).end();
  });

  const secret = newWebhookSecret();
  const body = JSON.stringify({ deliveryId: 'd-1', type: 'alert.routed' });
  const request = (path: string) => ({ deliveryId: 'd-1', url: `${base}${path}`, secrets: [secret], body });
  const relaxed = { timeoutMs: 2000, allowPrivateTargets: true };

  it('posts the body with headers the receiver can verify', async () => {
    await expect(sendWebhook(request('/hook'), relaxed)).resolves.toEqual({ kind: 'response', status: 204 });
    expect(received).toHaveLength(1);
    const [hit] = received;
    expect(hit.path).toBe('/hook');
    expect(hit.body).toBe(body);
    expect(hit.headers['content-type']).toBe('application/json');
    expect(hit.headers['vigie-delivery-id']).toBe('d-1');
    expect(hit.headers['idempotency-key']).toBe('d-1');
    expect(hit.headers['webhook-id']).toBe('d-1');
    expect(new Webhook(secret).verify(hit.body, hit.headers as Record<string, string>)).toEqual(JSON.parse(body));
    expect(
      verifyWebhook({
        secret,
        body: hit.body,
        timestamp: hit.headers['vigie-timestamp'] as string,
        signature: hit.headers['vigie-signature'] as string,
      }),
    ).toBe(true);
  });

  it('reports the status of a failure', async () => {
    respond = (_, response) => response.writeHead(503).end('try later');
    await expect(sendWebhook(request('/hook'), relaxed)).resolves.toEqual({ kind: 'response', status: 503 });
  });

  it('does not follow redirects', async () => {
    respond = (_, response) => response.writeHead(302, { location: `${base}/elsewhere` }).end();
    await expect(sendWebhook(request('/hook'), relaxed)).resolves.toEqual({ kind: 'response', status: 302 });
    expect(received.map((hit) => hit.path)).toEqual(['/hook']);
  });

  it('gives up when the receiver is too slow', async () => {
    respond = (_, response) => setTimeout(() => response.writeHead(200).end(), 1000).unref();
    await expect(sendWebhook(request('/slow'), { ...relaxed, timeoutMs: 100 })).resolves.toEqual({
      kind: 'error',
      message: 'no response within 100 ms',
    });
  });

  it('reports a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await sendWebhook({ ...request('/'), url: `http://127.0.0.1:${port}/` }, relaxed);
    expect(result).toEqual({ kind: 'error', message: expect.stringContaining('ECONNREFUSED') });
  });

  it('is interrupted, not failed, when the service stops', async () => {
    respond = (_, response) => setTimeout(() => response.writeHead(200).end(), 1000).unref();
    const shutdown = new AbortController();
    const sending = sendWebhook(request('/slow'), { ...relaxed, shutdown: shutdown.signal });
    setTimeout(() => shutdown.abort(), 50);
    await expect(sending).resolves.toEqual({ kind: 'interrupted' });
  });

  it('leaves no listener on the service’s shutdown signal once an attempt ends, answered or timed out', async () => {
    const shutdown = new AbortController();
    const options = { ...relaxed, shutdown: shutdown.signal };
    await expect(sendWebhook(request('/hook'), options)).resolves.toEqual({ kind: 'response', status: 204 });
    respond = (_, response) => setTimeout(() => response.writeHead(200).end(), 1000).unref();
    await expect(sendWebhook(request('/slow'), { ...options, timeoutMs: 100 })).resolves.toEqual({
      kind: 'error',
      message: 'no response within 100 ms',
    });
    expect(getEventListeners(shutdown.signal, 'abort')).toHaveLength(0);
  });

  it('sends nothing once the service has stopped', async () => {
    const shutdown = new AbortController();
    shutdown.abort();
    await expect(sendWebhook(request('/hook'), { ...relaxed, shutdown: shutdown.signal })).resolves.toEqual({
      kind: 'interrupted',
    });
    expect(received).toHaveLength(0);
  });

  it('refuses a private target before connecting when private targets are not allowed', async () => {
    const strict = { timeoutMs: 2000, allowPrivateTargets: false };
    const overHttps = { ...request('/hook'), url: request('/hook').url.replace('http:', 'https:') };
    await expect(sendWebhook(overHttps, strict)).resolves.toEqual({
      kind: 'error',
      message: expect.stringContaining('not a public address'),
    });
    await expect(sendWebhook(request('/hook'), strict)).resolves.toEqual({
      kind: 'error',
      message: expect.stringContaining('https is required'),
    });
    expect(received).toHaveLength(0);
  });

  it('keeps the connection open between deliveries to the same receiver', async () => {
    const sockets = new Set<unknown>();
    const count = (socket: unknown) => sockets.add(socket);
    server.on('connection', count);
    try {
      for (let i = 0; i < 3; i++) {
        await expect(sendWebhook(request(`/hook/${i}`), relaxed)).resolves.toEqual({ kind: 'response', status: 204 });
      }
    } finally {
      server.off('connection', count);
    }
    expect(received).toHaveLength(3);
    expect(sockets.size).toBeLessThanOrEqual(1);
  });
});

describe('connecting to the checked address', () => {
  it('answers the pinned address whatever name is looked up, in both callback forms', () => {
    const lookup = pinnedLookup('93.184.215.14');
    const single = jest.fn();
    lookup('hooks.partner.test', {}, single);
    expect(single).toHaveBeenCalledWith(null, '93.184.215.14', 4);
    const all = jest.fn();
    lookup('anything.test', { all: true }, all);
    expect(all).toHaveBeenCalledWith(null, [{ address: '93.184.215.14', family: 4 }]);
    const v6 = jest.fn();
    pinnedLookup('2001:4860:4860::8888')('hooks.partner.test', {}, v6);
    expect(v6).toHaveBeenCalledWith(null, '2001:4860:4860::8888', 6);
  });
});

// Only loopback addresses: the resolver is injected, and nothing else is ever contacted.
describe('no second resolution between the check and the connection (DNS rebinding)', () => {
  const servers: Server[] = [];
  const listen = async (host: string, port = 0): Promise<{ port: number; hits: IncomingMessage['headers'][] }> => {
    const hits: IncomingMessage['headers'][] = [];
    const server = createServer((request, response) => {
      hits.push(request.headers);
      request.resume();
      request.on('end', () => response.writeHead(204).end());
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    return { port: (server.address() as AddressInfo).port, hits };
  };

  afterAll(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('connects to the address the check approved, even when the name now resolves elsewhere', async () => {
    const checked = await listen('127.0.0.1');
    // The same port on another loopback address: where a second resolution would lead.
    const elsewhere = await listen('127.0.0.2', checked.port);
    const answers = [['127.0.0.1'], ['127.0.0.2']];
    const resolve = jest.fn(async (): Promise<string[]> => answers.shift() ?? ['127.0.0.2']);

    const result = await sendWebhook(
      {
        deliveryId: 'd-rebind',
        url: `http://hooks.partner.test:${checked.port}/hook`,
        secrets: [newWebhookSecret()],
        body: '{}',
      },
      { timeoutMs: 2000, allowPrivateTargets: true, resolve },
    );

    expect(result).toEqual({ kind: 'response', status: 204 });
    expect(resolve).toHaveBeenCalledTimes(1);
    expect(resolve).toHaveBeenCalledWith('hooks.partner.test');
    expect(checked.hits).toHaveLength(1);
    // The request still names the host: virtual hosting (and TLS SNI) see the name, not the address.
    expect(checked.hits[0].host).toBe(`hooks.partner.test:${checked.port}`);
    expect(elsewhere.hits).toHaveLength(0);
  });

  it('refuses, before connecting, a name whose only answer is now a private address', async () => {
    const resolve = jest.fn(async (): Promise<string[]> => ['127.0.0.1']);
    const result = await sendWebhook(
      { deliveryId: 'd-private', url: 'https://hooks.partner.test/hook', secrets: [newWebhookSecret()], body: '{}' },
      { timeoutMs: 2000, allowPrivateTargets: false, resolve },
    );
    expect(result).toEqual({ kind: 'error', message: expect.stringContaining('not a public address') });
    expect(resolve).toHaveBeenCalledTimes(1);
  });
});

describe('connections to one origin', () => {
  it('keeps every socket of a burst of 300 open for the next burst: none is opened again', async () => {
    const burst = 300;
    let connections = 0;
    let waiting: ServerResponse[] = [];
    // Answers only once the whole burst has arrived, so that the burst holds 300 sockets at once.
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        waiting.push(response);
        if (waiting.length < burst) return;
        for (const held of waiting) held.writeHead(204).end();
        waiting = [];
      });
    });
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const send = (round: number) =>
      Promise.all(
        Array.from({ length: burst }, (_, index) =>
          sendWebhook(
            { deliveryId: `d-${round}-${index}`, url, secrets: [newWebhookSecret()], body: '{}' },
            { timeoutMs: 5000, allowPrivateTargets: true },
          ),
        ),
      );
    try {
      const first = await send(1);
      expect(first.every((result) => result.kind === 'response' && result.status === 204)).toBe(true);
      expect(connections).toBe(burst);
      const second = await send(2);
      expect(second.every((result) => result.kind === 'response' && result.status === 204)).toBe(true);
      expect(connections).toBe(burst);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
