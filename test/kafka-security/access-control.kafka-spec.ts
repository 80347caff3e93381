import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes, type Kafka } from 'kafkajs';
import { allTopics, Topics } from '@vigie/contracts';
import { waitFor } from '@vigie/testing';
import { caCertificate, clientAs, rawClient, userEnv } from './secured-cluster';

/** Connects an admin client and lists topics: the least a client does on connecting. */
async function connectAndList(kafka: Kafka): Promise<string[]> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    return await admin.listTopics();
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

describe('the secured Kafka cluster: SASL/SCRAM over TLS, ACLs per service, three replicas', () => {
  it('keeps every topic on three replicas, two of which must hold a write', async () => {
    const admin = clientAs('admin').admin();
    await admin.connect();
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: allTopics() });
      for (const topic of metadata.topics) {
        expect({ topic: topic.name, replicas: topic.partitions.map((p) => p.replicas.length) }).toEqual({
          topic: topic.name,
          replicas: topic.partitions.map(() => 3),
        });
      }
      const configs = await admin.describeConfigs({
        includeSynonyms: false,
        resources: allTopics().map((name) => ({
          type: ConfigResourceTypes.TOPIC,
          name,
          configNames: ['min.insync.replicas'],
        })),
      });
      expect(new Set(configs.resources.map((r) => r.configEntries[0].configValue))).toEqual(new Set(['2']));
      expect(configs.resources).toHaveLength(allTopics().length);
    } finally {
      await admin.disconnect();
    }
  });

  it('refuses a service user with a wrong password', async () => {
    await expect(
      connectAndList(clientAs('notification', `${userEnv('notification').KAFKA_SASL_PASSWORD}x`)),
    ).rejects.toThrow(/SASL SCRAM SHA512 authentication failed|Authentication failed/i);
  });

  it('refuses a plaintext connection, TLS without SASL, and a broker certificate the client does not trust', async () => {
    // The broker drops the connection: plaintext is not a TLS handshake, and over TLS a client
    // that does not start with SASL gets nothing either.
    await expect(connectAndList(rawClient({}))).rejects.toThrow('Closed connection');
    await expect(connectAndList(rawClient({ ssl: { ca: [caCertificate()] } }))).rejects.toThrow('Closed connection');
    // No CA given: Node's own list does not know the local CA, so the client refuses the broker.
    const password = userEnv('notification').KAFKA_SASL_PASSWORD;
    await expect(
      connectAndList(
        rawClient({ ssl: true, sasl: { mechanism: 'scram-sha-512', username: 'notification', password } }),
      ),
    ).rejects.toThrow(/certificate/i);
  });

  it('shows a service user only the topics it may use', async () => {
    const visible = await connectAndList(clientAs('notification'));
    expect(visible).toContain(Topics.AlertRoutedV1);
    expect(visible).not.toContain(Topics.AlertSubmittedV1);
    // The registry writes the directory and reads the audited reads (its dead-letter twin too).
    expect((await connectAndList(clientAs('partner-registry'))).sort()).toEqual(
      [Topics.AuditReadV1, `${Topics.AuditReadV1}.dlq`, Topics.PartnerChangedV1].sort(),
    );
  });

  it('refuses to let a service read a topic, join a group or write a topic outside its rights', async () => {
    // The registry publishes the partner directory (API-key hashes) but never reads it back.
    // Its group name is one it may use: the topic is what is refused.
    const reader = clientAs('partner-registry').consumer({ groupId: `partner-registry-acl-${randomUUID()}` });
    const crashes: Error[] = [];
    reader.on(reader.events.CRASH, ({ payload }) => crashes.push(payload.error));
    const read: unknown[] = [];
    await reader.connect();
    try {
      await reader.subscribe({ topics: [Topics.PartnerChangedV1], fromBeginning: true });
      await reader.run({ eachMessage: async ({ message }) => void read.push(message) });
      await waitFor(() => crashes.length > 0, { what: 'the registry reader to be refused', timeoutMs: 30_000 });
    } finally {
      await reader.disconnect();
    }
    expect(crashes[0].message).toMatch(/not authorized/i);
    expect(read).toEqual([]);
    // Notification reading the alerts as submitted (before routing has applied TLP and circles).
    const notification = clientAs('notification');
    const admin = notification.admin();
    await admin.connect();
    try {
      await expect(admin.fetchTopicOffsets(Topics.AlertSubmittedV1)).rejects.toThrow(/not authorized|authoriz/i);
      // Another service's consumer group (its committed offsets) is out of reach, its own is not.
      // kafkajs reports the broker's refusal to locate a group (an authorisation failure, as the
      // brokers' authorizer log shows) as a coordinator it could not find.
      await expect(
        admin.fetchOffsets({ groupId: 'notification', topics: [Topics.AlertRoutedV1] }),
      ).resolves.toBeDefined();
      await expect(admin.fetchOffsets({ groupId: 'prefect-routing', topics: [Topics.AlertRoutedV1] })).rejects.toThrow(
        'Failed to find group coordinator',
      );
      await expect(
        admin.createTopics({ topics: [{ topic: `rogue-${randomUUID()}`, numPartitions: 1 }] }),
      ).rejects.toMatchObject({ errors: [expect.objectContaining({ type: 'TOPIC_AUTHORIZATION_FAILED' })] });
    } finally {
      await admin.disconnect();
    }
    // Forging a directory change (a partner's keys) as a service that is not the registry.
    const producer = notification.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    try {
      await expect(
        producer.send({ topic: Topics.PartnerChangedV1, acks: -1, messages: [{ key: 'x', value: 'forged' }] }),
      ).rejects.toThrow(/not authorized|authoriz/i);
    } finally {
      await producer.disconnect();
    }
  }, 60_000);

  it('lets a correctly configured service write its topic and another read it', async () => {
    const key = `kafka-security-${randomUUID()}`;
    // Routing writes routed alerts, notification reads them. (The services of the end-to-end spec
    // dead-letter this message as not an event: that exercises their dead-letter rights too.)
    const producer = clientAs('prefect-routing').producer({ allowAutoTopicCreation: false });
    await producer.connect();
    await producer.send({ topic: Topics.AlertRoutedV1, acks: -1, messages: [{ key, value: 'not an event' }] });
    await producer.disconnect();

    const seen: string[] = [];
    const consumer = clientAs('notification').consumer({ groupId: `notification-acl-${randomUUID()}` });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [Topics.AlertRoutedV1], fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          if (message.key?.toString() === key) seen.push(message.value?.toString() ?? '');
        },
      });
      await waitFor(() => seen.length === 1, { what: 'notification to read what routing wrote', timeoutMs: 30_000 });
    } finally {
      await consumer.disconnect();
    }
    expect(seen).toEqual(['not an event']);
  }, 60_000);
});
