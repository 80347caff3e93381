import { createServer, type Server } from 'node:http';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
} from 'prom-client';
import { routeOf } from './logging';

export interface MetricsSettings {
  /** Where `/metrics` listens: its own port, on loopback unless an operator says otherwise. */
  host: string;
  /** 0 turns the metrics endpoint off. */
  port: number;
}

export const METRICS_SETTINGS = Symbol('METRICS_SETTINGS');

/** Latency buckets (seconds) for requests and deliveries: 5 ms to 30 s. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The service's Prometheus registry. Metrics are declared where they are measured; asking twice
 * for one name returns the same metric, so a provider built twice never fails to register.
 * Labels are bounded sets (route templates, reasons, channels, topics), never ids.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  counter<L extends string>(configuration: CounterConfiguration<L>): Counter<L> {
    return (
      this.existing<Counter<L>>(configuration.name) ?? new Counter({ ...configuration, registers: [this.registry] })
    );
  }

  gauge<L extends string>(configuration: GaugeConfiguration<L>): Gauge<L> {
    return this.existing<Gauge<L>>(configuration.name) ?? new Gauge({ ...configuration, registers: [this.registry] });
  }

  histogram<L extends string>(configuration: HistogramConfiguration<L>): Histogram<L> {
    return (
      this.existing<Histogram<L>>(configuration.name) ?? new Histogram({ ...configuration, registers: [this.registry] })
    );
  }

  /**
   * Gauges without labels, each the field of one read made at scrape time and shared by all of
   * them (once per scrape), declared in the order given.
   */
  gaugesOfRead<T extends { [K in keyof T]: number }>(
    read: () => Promise<T>,
    gauges: { [K in keyof T]: { name: string; help: string } },
  ): void {
    const shared = oncePerScrape(read);
    for (const field of Object.keys(gauges) as (keyof T)[]) {
      this.gauge({
        ...gauges[field],
        async collect() {
          this.set((await shared())[field]);
        },
      });
    }
  }

  /** Express middleware: a duration histogram by method, route template and status code. */
  httpMiddleware(): (request: Request, response: Response, next: NextFunction) => void {
    const duration = this.histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests served, by method, route template and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: LATENCY_BUCKETS,
    });
    return (request, response, next) => {
      const end = duration.startTimer();
      response.once('finish', () =>
        end({ method: request.method, route: routeOf(request), status_code: String(response.statusCode) }),
      );
      next();
    };
  }

  private existing<M>(name: string): M | undefined {
    return this.registry.getSingleMetric(name) as M | undefined;
  }
}

/** `/metrics` on its own port, so scraping never goes through the public API's edge. */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('metrics');
  private server: Server | null = null;

  constructor(
    private readonly metrics: Metrics,
    @Inject(METRICS_SETTINGS) private readonly settings: MetricsSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.settings.port === 0) return;
    const registry = this.metrics.registry;
    const server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
        return;
      }
      registry.metrics().then(
        (text) => response.writeHead(200, { 'Content-Type': registry.contentType }).end(text),
        (error: Error) => {
          this.logger.error(`metrics collection failed: ${error.message}`);
          response.writeHead(500, { 'Content-Type': 'text/plain' }).end('collection failed\n');
        },
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.settings.port, this.settings.host, () => resolve());
    });
    this.server = server;
    this.logger.log(`metrics on http://${this.settings.host}:${this.settings.port}/metrics`);
  }

  async onModuleDestroy(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/**
 * A read shared by the gauges collected in one scrape: the first gauge starts it, the others
 * wait for the same answer, and the next scrape reads again.
 */
export function oncePerScrape<T>(read: () => Promise<T>): () => Promise<T> {
  let reading: Promise<T> | null = null;
  return () => {
    reading ??= read().finally(() => setImmediate(() => (reading = null)));
    return reading;
  };
}
