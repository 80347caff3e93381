import type { LogLevel } from '@nestjs/common';
import type { KafkaSettings } from '@vigie/messaging';
import { CommonEnv, loadEnv, portField, splitList } from '@vigie/platform';

class RoutingEnv extends CommonEnv {
  @portField() HTTP_PORT: number = 3003;
}

export interface RoutingConfig {
  http: { host: string; port: number };
  logLevel: LogLevel;
  databaseUrl: string;
  schema: string;
  kafka: KafkaSettings;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RoutingConfig {
  const values = loadEnv(RoutingEnv, env);
  return {
    http: { host: values.HTTP_HOST, port: values.HTTP_PORT },
    logLevel: values.LOG_LEVEL as LogLevel,
    databaseUrl: values.DATABASE_URL,
    schema: 'routing',
    kafka: {
      brokers: splitList(values.KAFKA_BROKERS),
      clientId: 'prefect-routing',
      groupId: 'prefect-routing',
      topicPartitions: values.KAFKA_TOPIC_PARTITIONS,
    },
  };
}
