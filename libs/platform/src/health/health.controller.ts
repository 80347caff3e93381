import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { KafkaHealthIndicator, readOutboxBacklog } from '@vigie/messaging';
import { PublicRoute } from '../http/public-route';

/**
 * Two questions a load balancer or an orchestrator asks. Live: can the process serve at all (a
 * restart would help if not)? Ready: can it do its job now (database, broker, consumer group)?
 * A service whose broker is down stays live: it still takes writes into its outbox, which
 * readiness reports beside the broker's state.
 */
@ApiTags('operations')
@SkipThrottle()
@Controller('health')
export class HealthController {
  private readonly startedAt = Date.now();

  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
  ) {}

  /** 200 whenever the process answers: dependencies are readiness's business. */
  @Get('live')
  @PublicRoute()
  @ApiOperation({ summary: 'Liveness: the process answers (no dependency is checked).' })
  @ApiOkResponse({
    description: 'The process serves requests',
    schema: {
      type: 'object',
      required: ['status', 'uptimeSeconds'],
      properties: { status: { type: 'string', enum: ['ok'] }, uptimeSeconds: { type: 'integer', minimum: 0 } },
    },
  })
  live(): { status: 'ok'; uptimeSeconds: number } {
    return { status: 'ok', uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000) };
  }

  /** 200 when the database answers, the broker answers and the consumer group (if any) has joined; 503 otherwise. */
  @Get('ready')
  @PublicRoute()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: database, broker and consumer group, and the outbox backlog.' })
  @ApiServiceUnavailableResponse({ description: 'A dependency the service needs now is down; details per dependency' })
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1500 }),
      () => this.kafka.check(),
      () => this.outbox(),
    ]);
  }

  /** Alias of ready, for the tools that already poll it. */
  @Get()
  @PublicRoute()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness, under the name older tools poll.' })
  check(): Promise<HealthCheckResult> {
    return this.ready();
  }

  /**
   * The events waiting for the broker: up while the database takes writes, whatever the
   * broker's state, so "Kafka down, alerts still accepted and kept" reads as such.
   */
  private async outbox(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('outbox');
    try {
      const backlog = await readOutboxBacklog(this.dataSource);
      return indicator.up({
        accepting: true,
        pending: backlog.pending,
        oldestPendingSeconds: Math.round(backlog.oldestSeconds),
      });
    } catch (error) {
      return indicator.down({ accepting: false, message: `database unreachable: ${(error as Error).message}` });
    }
  }
}
