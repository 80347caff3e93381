import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import { ServerKafka, type CustomStrategy, type KafkaOptions } from '@nestjs/microservices';
import type { ConsumerGroupState } from '../consumer/consumer-group.state';
import type { KafkaSettings } from './kafka.settings';

function clientConfig(settings: KafkaSettings): KafkaConfig {
  return {
    clientId: settings.clientId,
    brokers: settings.brokers,
    logLevel: logLevel.WARN,
    connectionTimeout: 3000,
    retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 5000 },
  };
}

export function createKafkaClient(settings: KafkaSettings): Kafka {
  return new Kafka(clientConfig(settings));
}

/** The Nest Kafka server, reporting group membership from before the consumer first joins. */
class GroupTrackingKafkaServer extends ServerKafka {
  constructor(
    options: KafkaOptions['options'],
    private readonly groupState: ConsumerGroupState,
  ) {
    super(options ?? {});
  }

  protected override registerConsumerEventListeners(): void {
    super.registerConsumerEventListeners();
    if (this.consumer) this.groupState.track(this.consumer);
  }
}

/**
 * The Nest Kafka transport for the service's consumers. New groups start at the beginning
 * (consumers are idempotent, so nothing is missed between deployment and join); `postfixId`
 * is emptied so the group id is exactly the configured one.
 */
export function kafkaConsumerStrategy(settings: KafkaSettings, groupState: ConsumerGroupState): CustomStrategy {
  return { strategy: new GroupTrackingKafkaServer(kafkaConsumerOptions(settings), groupState) };
}

function kafkaConsumerOptions(settings: KafkaSettings): KafkaOptions['options'] {
  return {
    postfixId: '',
    client: clientConfig(settings),
    consumer: {
      groupId: settings.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 10000,
      heartbeatInterval: 1000,
      maxWaitTimeInMs: 250,
    },
    subscribe: { fromBeginning: true },
    run: { autoCommit: true, partitionsConsumedConcurrently: settings.topicPartitions },
  };
}
