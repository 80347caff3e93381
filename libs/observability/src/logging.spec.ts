import fs, { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { LOG_FLUSH_MS, logDestination, logLevelOf, pinoOptions, routeOf } from './logging';
import { Metrics, oncePerScrape } from './metrics';
import {
  acceptableRequestId,
  currentScope,
  propagationHeaders,
  runInScope,
  REQUEST_ID_HEADER,
} from './telemetry-scope';

function capture(): { logger: pino.Logger; lines: () => Record<string, unknown>[] } {
  const written: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = pino(pinoOptions('test-service', { level: 'info', format: 'json' }), destination);
  return {
    logger,
    lines: () =>
      written
        .join('')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
  };
}

describe('log lines', () => {
  it('never carry a credential or an alert description, at the top level or one level down', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        authorization: 'Bearer vgk_secret-1',
        password: 'secret-2',
        token: 'secret-3',
        apiKey: 'secret-4',
        description: 'secret-5',
        body: { secret: 'secret-6', description: 'secret-7', password: 'secret-8' },
        req: { headers: { authorization: 'Bearer secret-9', cookie: 'vigie=secret-10' } },
        keep: 'visible',
      },
      'something happened',
    );
    const [line] = lines();
    expect(JSON.stringify(line)).not.toMatch(/secret-/);
    expect(line.authorization).toBe('[redacted]');
    expect((line.body as Record<string, unknown>).description).toBe('[redacted]');
    expect(line.keep).toBe('visible');
    expect(line.name).toBe('test-service');
  });

  it('name the request and the alert of the scope they are written in, and nothing outside one', () => {
    const { logger, lines } = capture();
    runInScope({ requestId: 'req-1', correlationId: 'alert-1' }, () => logger.info('inside'));
    logger.info('outside');
    const [inside, outside] = lines();
    expect(inside).toMatchObject({ requestId: 'req-1', correlationId: 'alert-1', msg: 'inside' });
    expect(outside.requestId).toBeUndefined();
    expect(outside.correlationId).toBeUndefined();
  });

  it('are gathered and written together, within a quarter-second when they are few (ADR 65)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-log-'));
    const writes = jest.spyOn(fs, 'write');
    const destination = logDestination(openSync(join(dir, 'service.log'), 'a'));
    try {
      const logger = pino(pinoOptions('test-service', { level: 'info', format: 'json' }), destination);
      logger.info('first');
      logger.info('second');
      // A destination writing line by line starts a write within the call.
      expect(writes).not.toHaveBeenCalled();
      const written = (): string[] => readFileSync(join(dir, 'service.log'), 'utf8').split('\n').filter(Boolean);
      const deadline = Date.now() + 20 * LOG_FLUSH_MS;
      while (written().length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(written().map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['first', 'second']);
      const carrying = writes.mock.calls.filter(([, data]) => String(data).length > 0);
      expect(carrying).toHaveLength(1);
    } finally {
      writes.mockRestore();
      destination.end();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("read Nest's level names as pino's", () => {
    expect(logLevelOf('log')).toBe('info');
    expect(logLevelOf('verbose')).toBe('trace');
    expect(logLevelOf('warn')).toBe('warn');
  });
});

describe('request ids', () => {
  it.each([
    ['a-b_c.1', true],
    ['x'.repeat(128), true],
    ['x'.repeat(129), false],
    ['', false],
    ['with space', false],
    ['line\nbreak', false],
    ['accentué', false],
    [undefined, false],
    [['a', 'b'], false],
  ])('%j acceptable: %s', (value, acceptable) => {
    expect(acceptableRequestId(value)).toBe(acceptable);
  });

  it('travel in the headers an outbox row keeps (no trace context while tracing is off)', () => {
    expect(propagationHeaders()).toEqual({});
    runInScope({ requestId: 'req-2' }, () => {
      expect(propagationHeaders()).toEqual({ [REQUEST_ID_HEADER]: 'req-2' });
      expect(currentScope()).toEqual({ requestId: 'req-2' });
    });
  });
});

describe('routes in logs and metrics', () => {
  it('are templates, never raw paths (which may hold a link token)', () => {
    expect(routeOf({ route: { path: '/v1/acknowledgement-links/:token' } })).toBe('/v1/acknowledgement-links/:token');
    expect(routeOf({})).toBe('unmatched');
  });
});

describe('the metrics registry', () => {
  it('returns the metric already declared under a name instead of failing', () => {
    const metrics = new Metrics();
    const first = metrics.counter({ name: 'vigie_test_total', help: 'test', labelNames: ['kind'] });
    const second = metrics.counter({ name: 'vigie_test_total', help: 'test', labelNames: ['kind'] });
    expect(second).toBe(first);
  });

  it('exposes process metrics and the declared ones in the Prometheus text format', async () => {
    const metrics = new Metrics();
    metrics.counter({ name: 'vigie_test_total', help: 'test' }).inc(2);
    const text = await metrics.registry.metrics();
    expect(text).toContain('# TYPE vigie_test_total counter');
    expect(text).toContain('vigie_test_total 2');
    expect(text).toContain('process_cpu_seconds_total');
  });

  it('reads once for the gauges of one scrape, and again for the next scrape', async () => {
    let reads = 0;
    const read = oncePerScrape(() => Promise.resolve(++reads));
    expect(await Promise.all([read(), read(), read()])).toEqual([1, 1, 1]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await read()).toBe(2);
  });

  it('gives each gauge of one read its field, reading once per scrape', async () => {
    const metrics = new Metrics();
    let reads = 0;
    metrics.gaugesOfRead(() => Promise.resolve({ open: ++reads, oldest: 42 }), {
      open: { name: 'vigie_test_open', help: 'open' },
      oldest: { name: 'vigie_test_oldest_seconds', help: 'oldest' },
    });
    const text = await metrics.registry.metrics();
    expect(text).toContain('vigie_test_open 1');
    expect(text).toContain('vigie_test_oldest_seconds 42');
    expect(reads).toBe(1);
  });
});
