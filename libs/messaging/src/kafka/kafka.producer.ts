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
/**
 * Most bytes of messages one request carries. The broker refuses a partition's record batch over
 * `message.max.bytes` (1 MiB by default), and every message of one key goes to one partition, so
 * an outbox batch of large events under one key could exceed it and be refused on every retry.
 */
export const MAX_REQUEST_BYTES = 512 * 1024;
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

  /**
   * Sends the messages in order, in requests of at most MAX_REQUEST_BYTES (one larger message
   * goes alone), each acknowledged before the next leaves: a key's messages stay in order.
   */
  async send(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.connect();
    for (const request of requests(messages, MAX_REQUEST_BYTES)) await this.sendRequest(request);
  }

  private async sendRequest(messages: OutgoingMessage[]): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    for (const message of messages) {
      const list = byTopic.get(message.topic) ?? [];
      list.push({ key: message.key, value: message.value, headers: message.headers });
      byTopic.set(message.topic, list);
    }
    const topicMessages = [...byTopic].map(([topic, list]) => ({ topic, messages: list }));
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

/** The messages in consecutive groups of at most `maxBytes` (key, value and headers), in order. */
export function requests(messages: readonly OutgoingMessage[], maxBytes: number): OutgoingMessage[][] {
  const groups: OutgoingMessage[][] = [];
  let group: OutgoingMessage[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = sizeOf(message);
    if (group.length > 0 && bytes + size > maxBytes) {
      groups.push(group);
      group = [];
      bytes = 0;
    }
    group.push(message);
    bytes += size;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

function sizeOf(message: OutgoingMessage): number {
  let size = Buffer.byteLength(message.key) + Buffer.byteLength(message.value);
  for (const [name, value] of Object.entries(message.headers ?? {})) size += name.length + Buffer.byteLength(value);
  return size;
}
