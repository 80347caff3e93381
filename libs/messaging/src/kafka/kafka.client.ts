import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import { Transport, type KafkaOptions } from '@nestjs/microservices';
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

/**
 * Options of the Nest Kafka transport for the service's consumers. New groups start at the
 * beginning (consumers are idempotent, so nothing is missed between deployment and join);
 * `postfixId` is emptied so the group id is exactly the configured one.
 */
export function kafkaConsumerOptions(settings: KafkaSettings): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
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
    },
  };
}
