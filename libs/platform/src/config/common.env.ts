import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/** Variables every service reads. Services extend this class with their own. */
export class CommonEnv {
  @IsString() @Matches(/^postgres(ql)?:\/\//) DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/vigie';
  @IsString() @IsNotEmpty() KAFKA_BROKERS = '127.0.0.1:9092';
  @IsInt() @Min(1) @Max(64) KAFKA_TOPIC_PARTITIONS: number = 3;
  /** Consumer group; defaults to the service name. A new group replays the topics from the start. */
  @IsOptional() @Matches(/^[a-zA-Z0-9._-]{1,200}$/) KAFKA_GROUP_ID?: string;
  @IsString() @IsNotEmpty() HTTP_HOST = '127.0.0.1';
  /** The partner registry, whose published keys verify person access tokens (the console's). */
  @IsString() @Matches(/^https?:\/\//) REGISTRY_URL = 'http://127.0.0.1:3001';
  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose']) LOG_LEVEL = 'log';
  /** Requests per API key (without a key: per client address) per 60 s window, per instance; 0 turns limiting off. */
  @IsInt() @Min(0) @Max(10_000_000) RATE_LIMIT_PER_MINUTE: number = 30_000;
}

export function portField(): PropertyDecorator {
  return (target, key) => {
    IsInt()(target, key);
    Min(1)(target, key);
    Max(65535)(target, key);
  };
}
