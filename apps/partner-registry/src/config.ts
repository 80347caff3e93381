import { IsString, Matches } from 'class-validator';
import { CommonEnv, loadEnv, portField, splitList } from '@vigie/platform';
import type { KafkaSettings } from '@vigie/messaging';
import type { LogLevel } from '@nestjs/common';

class RegistryEnv extends CommonEnv {
  @portField() HTTP_PORT: number = 3001;
  /** The platform administrator's key (vgk_<uuid>_<secret>); `npm run admin-key` makes one. */
  @IsString() @Matches(/^vgk_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}$/, { message: 'REGISTRY_ADMIN_API_KEY must be a vgk_ key' })
  REGISTRY_ADMIN_API_KEY: string;
}

export interface RegistryConfig {
  http: { host: string; port: number };
  logLevel: LogLevel;
  databaseUrl: string;
  schema: string;
  kafka: KafkaSettings;
  adminApiKey: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RegistryConfig {
  const values = loadEnv(RegistryEnv, env);
  return {
    http: { host: values.HTTP_HOST, port: values.HTTP_PORT },
    logLevel: values.LOG_LEVEL as LogLevel,
    databaseUrl: values.DATABASE_URL,
    schema: 'registry',
    kafka: {
      brokers: splitList(values.KAFKA_BROKERS),
      clientId: 'partner-registry',
      groupId: 'partner-registry',
      topicPartitions: values.KAFKA_TOPIC_PARTITIONS,
    },
    adminApiKey: values.REGISTRY_ADMIN_API_KEY,
  };
}

export const REGISTRY_CONFIG = Symbol('REGISTRY_CONFIG');
