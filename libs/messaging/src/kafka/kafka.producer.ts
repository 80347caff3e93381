import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import { backoffDelay } from '../consumer/failure.policy';
import { KAFKA_CLIENT } from './kafka.tokens';

export interface OutgoingMessage {
  topic: string;
  key: string;
  value: string | Buffer;
  headers?: Record<string, string>;
}

/** Attempts of one send, each carrying the whole batch, before the caller sees the error. */
export const SEND_ATTEMPTS = 9;
const SEND_BACKOFF = { baseDelayMs: 200, maxDelayMs: 5000 };

/**
 * One producer per service; every send waits for all in-sync replicas (acks=-1), one request
 * in flight so a retried batch cannot overtake the next.
 *
 * kafkajs's own retries are turned off: within one send it remembers which brokers answered
 * and, on a retry, asks only the others. When a partition that failed on one broker has
 * meanwhile moved to a broker that already answered, its messages are never sent again and the
 * send resolves as if they were written (kafkajs#1303): an outbox row marked published that
 * no consumer ever sees. Here each attempt sends the whole batch, so a send resolves only when
 * one attempt had every message acknowledged. A retry may duplicate the messages an earlier
 * attempt did write; consumers are idempotent (ADR 3, ADR 25).
 */
@Injectable()
export class KafkaProducer implements OnModuleDestroy {
  private readonly producer: Producer;
  private connecting: Promise<void> | null = null;

  constructor(@Inject(KAFKA_CLIENT) kafka: Kafka) {
    this.producer = kafka.producer({
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { retries: 0 },
    });
    this.producer.on(this.producer.events.DISCONNECT, () => {
      this.connecting = null;
    });
  }

  async send(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const byTopic = new Map<string, Message[]>();
    for (const message of messages) {
      const list = byTopic.get(message.topic) ?? [];
      list.push({ key: message.key, value: message.value, headers: message.headers });
      byTopic.set(message.topic, list);
    }
    const topicMessages = [...byTopic].map(([topic, list]) => ({ topic, messages: list }));
    await this.connect();
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.producer.sendBatch({ acks: -1, topicMessages });
        return;
      } catch (error) {
        if (attempt >= SEND_ATTEMPTS || !retriable(error)) throw error;
        await new Promise((done) => setTimeout(done, backoffDelay(attempt, SEND_BACKOFF)));
      }
    }
  }

  async onModuleDestroy(): Promise<void> {
    if (this.connecting) await this.producer.disconnect();
  }

  private connect(): Promise<void> {
    this.connecting ??= this.producer.connect().catch((error: unknown) => {
      this.connecting = null;
      throw error;
    });
    return this.connecting;
  }
}

/**
 * What may succeed later (a leader moving, a broker away, too few replicas in sync). With no
 * retries of its own, kafkajs reports a retriable failure as "number of retries exceeded".
 */
function retriable(error: unknown): boolean {
  const { name, retriable } = error as { name?: unknown; retriable?: unknown };
  return name === 'KafkaJSNumberOfRetriesExceeded' || retriable === true;
}
