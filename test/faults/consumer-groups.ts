import { AssignerProtocol, Kafka, logLevel, type Admin } from 'kafkajs';
import { testKafkaConfig } from '../test-stack';

/** The services' consumer groups (each group is named after its service). */
export const CONSUMER_GROUPS = ['alert-ingestion', 'prefect-routing', 'notification'];

export const faultKafka = new Kafka({
  clientId: 'vigie-fault-tests',
  logLevel: logLevel.NOTHING,
  ...testKafkaConfig(),
});

/** What each live member of a group was assigned: topic → partitions. */
export async function memberAssignments(admin: Admin, groupId: string): Promise<Record<string, number[]>[]> {
  const {
    groups: [group],
  } = await admin.describeGroups([groupId]);
  return group.members.map(
    (member) => AssignerProtocol.MemberAssignment.decode(member.memberAssignment)?.assignment ?? {},
  );
}

/** The topics the services consume right now, each with the groups consuming it, as the broker sees them. */
export async function consumedTopics(admin: Admin): Promise<Map<string, string[]>> {
  const consumers = new Map<string, string[]>();
  for (const groupId of CONSUMER_GROUPS) {
    const topics = new Set((await memberAssignments(admin, groupId)).flatMap((assigned) => Object.keys(assigned)));
    for (const topic of topics) consumers.set(topic, [...(consumers.get(topic) ?? []), groupId]);
  }
  return consumers;
}

/** Messages each group has not consumed (committed) yet, one line per group and topic. */
export async function consumerBacklog(admin: Admin): Promise<string[]> {
  const backlog: string[] = [];
  const ends = new Map<string, Map<number, number>>();
  for (const groupId of CONSUMER_GROUPS) {
    for (const { topic, partitions } of await admin.fetchOffsets({ groupId })) {
      if (!ends.has(topic)) {
        const offsets = await admin.fetchTopicOffsets(topic);
        ends.set(topic, new Map(offsets.map((p) => [p.partition, Number(p.high)])));
      }
      const behind = partitions.reduce(
        (total, { partition, offset }) => total + (ends.get(topic)!.get(partition) ?? 0) - Math.max(Number(offset), 0),
        0,
      );
      if (behind > 0) backlog.push(`${groupId} has ${behind} messages of ${topic} to consume`);
    }
  }
  return backlog;
}
