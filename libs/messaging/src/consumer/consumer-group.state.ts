import { Injectable } from '@nestjs/common';
import type { Consumer } from 'kafkajs';

/** Whether the service's consumer is part of its group: readiness depends on it. */
@Injectable()
export class ConsumerGroupState {
  consumes = false;
  joined = false;

  /** Called by the Kafka server with its kafkajs consumer, before it connects. */
  track(consumer: Consumer): void {
    this.consumes = true;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.joined = true;
    });
    consumer.on(consumer.events.REBALANCING, () => {
      this.joined = false;
    });
    consumer.on(consumer.events.STOP, () => {
      this.joined = false;
    });
    consumer.on(consumer.events.CRASH, () => {
      this.joined = false;
    });
  }
}
