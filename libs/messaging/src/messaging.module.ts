import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ConsumerGroupState } from './consumer/consumer-group.state';
import { ConsumerLagMetrics } from './consumer/consumer-lag.metrics';
import { EventConsumer } from './consumer/event.consumer';
import { createKafkaClient } from './kafka/kafka.client';
import { KafkaHealthIndicator } from './kafka/kafka.health';
import { KafkaProducer } from './kafka/kafka.producer';
import { KAFKA_CLIENT, KAFKA_SETTINGS, MESSAGING_OPTIONS } from './kafka/kafka.tokens';
import { TopicProvisioner } from './kafka/topic.provisioner';
import type { MessagingOptions } from './messaging.options';
import { Outbox } from './outbox/outbox';
import { OutboxRelay } from './outbox/outbox.relay';
import { MessagingRetention } from './retention/messaging.retention';
import { TableUpkeep } from './retention/table-upkeep';

/** Kafka for one service: topics, producer, outbox and relay, consumer pipeline, health. */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [TerminusModule, DiscoveryModule],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: KAFKA_SETTINGS, useValue: options.kafka },
        { provide: KAFKA_CLIENT, useFactory: () => createKafkaClient(options.kafka) },
        TopicProvisioner,
        KafkaProducer,
        Outbox,
        OutboxRelay,
        EventConsumer,
        ConsumerGroupState,
        ConsumerLagMetrics,
        KafkaHealthIndicator,
        MessagingRetention,
        TableUpkeep,
      ],
      exports: [
        Outbox,
        OutboxRelay,
        EventConsumer,
        ConsumerGroupState,
        KafkaHealthIndicator,
        KafkaProducer,
        KAFKA_CLIENT,
        TableUpkeep,
      ],
    };
  }
}
