import { Logger } from '@nestjs/common';
import { ServerKafka, type CustomStrategy, type KafkaOptions } from '@nestjs/microservices';
import { Kafka, logLevel, type Consumer, type KafkaConfig, type logCreator } from 'kafkajs';
import type { ConsumerGroupState } from '../consumer/consumer-group.state';
import type { EventConsumer } from '../consumer/event.consumer';
import { backoffDelay } from '../consumer/failure.policy';
import { OFFSET_COMMIT_INTERVAL_MS } from '../consumer/offset-commits';
import type { KafkaSettings } from './kafka.settings';

/** kafkajs's own lines through the service's logger (JSON lines, with the request scope). */
const throughNestLogger: logCreator = () => {
  const logger = new Logger('kafkajs');
  return ({ namespace, level, log }) => {
    const { message, timestamp: _timestamp, ...details } = log;
    const line = `[${namespace}] ${message}${Object.keys(details).length ? ` ${JSON.stringify(details)}` : ''}`;
    if (level === logLevel.ERROR) logger.error(line);
    else if (level === logLevel.WARN) logger.warn(line);
    else if (level === logLevel.INFO) logger.log(line);
    else logger.debug(line);
  };
};

function clientConfig(settings: KafkaSettings): KafkaConfig {
  return {
    clientId: settings.clientId,
    brokers: settings.brokers,
    logLevel: logLevel.WARN,
    logCreator: throughNestLogger,
    connectionTimeout: 3000,
    retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 5000 },
    ...securityConfig(settings),
  };
}

/** TLS (certificate and host name verified) and SASL, or nothing at all. */
export function securityConfig(settings: Pick<KafkaSettings, 'security'>): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  const security = settings.security;
  if (!security) return {};
  const { username, password } = security.sasl;
  return {
    ssl: security.ca ? { ca: [security.ca], rejectUnauthorized: true } : true,
    sasl:
      security.sasl.mechanism === 'scram-sha-512'
        ? { mechanism: 'scram-sha-512', username, password }
        : { mechanism: 'scram-sha-256', username, password },
  };
}

export const UNSECURED_KAFKA_WARNING = 'Kafka connection is not authenticated or encrypted — local development only';

export function createKafkaClient(settings: KafkaSettings): Kafka {
  if (!settings.security) new Logger('Kafka').warn(UNSECURED_KAFKA_WARNING);
  return new Kafka(clientConfig(settings));
}

/**
 * The Nest Kafka server, feeding whole batches to the service's EventConsumer (the transport's own
 * dispatch is one message at a time), reporting group membership from before the consumer first
 * joins, and coming back by itself after kafkajs gives up: when the broker stays away long
 * enough, kafkajs crashes the consumer without restarting it (e.g. "Failed to find group
 * coordinator"), which would leave the service alive but deaf.
 */
class ResilientKafkaServer extends ServerKafka {
  private readonly log = new Logger('KafkaConsumer');
  private restarts = 0;
  private restarting = false;
  private closing = false;

  constructor(
    options: KafkaOptions['options'],
    private readonly groupState: ConsumerGroupState,
    private readonly events: EventConsumer,
  ) {
    super(options ?? {});
  }

  override async bindEvents(consumer: Consumer): Promise<void> {
    const topics = this.events.topics();
    if (topics.length > 0) await consumer.subscribe({ ...this.options.subscribe, topics });
    await consumer.run({
      ...this.options.run,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.events.consumeBatch(payload),
    });
  }

  override async close(): Promise<void> {
    this.closing = true;
    await super.close();
  }

  protected override registerConsumerEventListeners(): void {
    super.registerConsumerEventListeners();
    const consumer = this.consumer;
    if (!consumer) return;
    this.groupState.track(consumer);
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.restarts = 0;
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) this.restartLater(payload.error);
    });
  }

  private restartLater(cause: Error): void {
    if (this.restarting || this.closing) return;
    this.restarting = true;
    this.restarts += 1;
    const delay = backoffDelay(this.restarts, { baseDelayMs: 500, maxDelayMs: 10_000 });
    this.log.warn(`consumer stopped (${cause.message}); starting it again in ${delay} ms`);
    setTimeout(() => {
      void (async () => {
        await super.close().catch(() => undefined);
        this.restarting = false;
        if (this.closing) return;
        await this.listen((error?: unknown) => {
          if (error) this.restartLater(error as Error);
        });
      })();
    }, delay).unref();
  }
}

/**
 * The Nest Kafka transport for the service's consumers. New groups start at the beginning
 * (consumers are idempotent, so nothing is missed between deployment and join); `postfixId`
 * is emptied so the group id is exactly the configured one.
 */
export function kafkaConsumerStrategy(
  settings: KafkaSettings,
  groupState: ConsumerGroupState,
  events: EventConsumer,
): CustomStrategy {
  return { strategy: new ResilientKafkaServer(kafkaConsumerOptions(settings), groupState, events) };
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
    run: consumerRunSettings(settings),
  };
}

/**
 * How kafkajs runs a service's consumer: its partitions handled concurrently, and its handled
 * offsets committed by the EventConsumer once per interval, not by kafkajs after every batch
 * (OffsetCommits, ADR 53).
 */
export function consumerRunSettings(settings: Pick<KafkaSettings, 'topicPartitions'>) {
  return {
    autoCommit: false,
    autoCommitInterval: OFFSET_COMMIT_INTERVAL_MS,
    partitionsConsumedConcurrently: settings.topicPartitions,
  };
}
