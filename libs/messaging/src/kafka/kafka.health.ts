import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { Admin, Kafka } from 'kafkajs';
import { ConsumerGroupState } from '../consumer/consumer-group.state';
import { withDeadline } from '../deadline';
import { KAFKA_CLIENT } from './kafka.tokens';

/** Kafka is healthy when the broker answers and, for consuming services, the group has joined. */
@Injectable()
export class KafkaHealthIndicator implements OnModuleDestroy {
  private admin: Promise<Admin> | null = null;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly group: ConsumerGroupState,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check(key = 'kafka', timeoutMs = 2000): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    try {
      await withDeadline(
        this.connectedAdmin().then((admin) => admin.describeCluster()),
        timeoutMs,
        `no answer within ${timeoutMs} ms`,
      );
    } catch (error) {
      this.reset();
      return indicator.down({
        message: `broker unreachable: ${(error as Error).message}; events wait in the outbox until it answers`,
      });
    }
    if (this.group.consumes && !this.group.joined) {
      return indicator.down({ message: 'consumer group not joined yet' });
    }
    return indicator.up(this.group.consumes ? { consumerGroup: 'joined' } : {});
  }

  onModuleDestroy(): void {
    this.reset();
  }

  private connectedAdmin(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })();
    return this.admin;
  }

  private reset(): void {
    const pending = this.admin;
    this.admin = null;
    void pending?.then((admin) => admin.disconnect()).catch(() => undefined);
  }
}
