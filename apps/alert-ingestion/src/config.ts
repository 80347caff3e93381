import type { LogLevel } from '@nestjs/common';
import type { KafkaSettings } from '@vigie/messaging';
import { CommonEnv, loadEnv, portField, splitList } from '@vigie/platform';

class IngestionEnv extends CommonEnv {
  @portField() HTTP_PORT: number = 3002;
}

export interface IngestionConfig {
  http: { host: string; port: number };
  logLevel: LogLevel;
  databaseUrl: string;
  schema: string;
  kafka: KafkaSettings;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): IngestionConfig {
  const values = loadEnv(IngestionEnv, env);
  return {
    http: { host: values.HTTP_HOST, port: values.HTTP_PORT },
    logLevel: values.LOG_LEVEL as LogLevel,
    databaseUrl: values.DATABASE_URL,
    schema: 'ingestion',
    kafka: {
      brokers: splitList(values.KAFKA_BROKERS),
      clientId: 'alert-ingestion',
      groupId: 'alert-ingestion',
      topicPartitions: values.KAFKA_TOPIC_PARTITIONS,
    },
  };
}
