// @ts-expect-error -- kafkajs publishes no types for its internal modules
import RequestQueue from 'kafkajs/src/network/requestQueue';

/**
 * kafkajs 2.2.4 as npm ci leaves it: patches/kafkajs+2.2.4.patch (ADR 55). Every Kafka connection
 * has a request queue; unpatched, each check of its pending requests armed the next one 1 ms
 * later even with nothing pending, so every connection woke its process a thousand times a second.
 */
interface Queue {
  push(request: object): void;
  fulfillRequest(response: { correlationId: number; payload: Buffer; size: number }): void;
  maybeThrottle(milliseconds: number): void;
  destroy(): void;
}

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function queue(maxInFlightRequests: number | null = null): Queue {
  return new (RequestQueue as new (options: object) => Queue)({
    maxInFlightRequests,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 'spec',
    broker: '127.0.0.1:9092',
    logger: quiet,
  });
}

const request = (correlationId: number, sent: number[]) => ({
  entry: {
    correlationId,
    apiKey: 0,
    apiName: 'Produce',
    apiVersion: 7,
    resolve: () => undefined,
    reject: () => undefined,
  },
  expectResponse: true,
  sendRequest: () => sent.push(correlationId),
  requestTimeout: 30_000,
});

describe('kafkajs request queue (patched)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('arms no timer once an answer leaves nothing pending', () => {
    const sent: number[] = [];
    const connection = queue();
    connection.push(request(1, sent));
    connection.fulfillRequest({ correlationId: 1, payload: Buffer.alloc(0), size: 0 });

    expect(sent).toEqual([1]);
    expect(jest.getTimerCount()).toBe(0);
    connection.destroy();
  });

  it('still sends what waited for a request in flight, and what waited for a throttle to end', () => {
    const sent: number[] = [];
    const connection = queue(1);
    connection.push(request(1, sent));
    connection.push(request(2, sent));
    expect(sent).toEqual([1]);
    connection.fulfillRequest({ correlationId: 1, payload: Buffer.alloc(0), size: 0 });
    expect(sent).toEqual([1, 2]);

    connection.maybeThrottle(50);
    connection.fulfillRequest({ correlationId: 2, payload: Buffer.alloc(0), size: 0 });
    connection.push(request(3, sent));
    expect(sent).toEqual([1, 2]);
    jest.advanceTimersByTime(50);
    expect(sent).toEqual([1, 2, 3]);
    connection.destroy();
  });
});
