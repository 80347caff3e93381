// `node dist/scripts/kafka-provision.js`: what a secured cluster's admin does once, and again
// after a new topic: create every topic (partitions, replicas and min.insync.replicas from the
// same KAFKA_* variables as the services) and each service user's ACLs (TOPIC_RIGHTS). Run with
// the admin's credentials; scripts/kafka-cluster.sh does it after starting the cluster.
import { Logger } from '@nestjs/common';
import { createKafkaClient, KAFKA_SERVICE_USERS, serviceAcls, TopicProvisioner } from '@vigie/messaging';
import { CommonEnv, kafkaSettings, loadEnv } from '@vigie/platform';

async function main(): Promise<void> {
  const logger = new Logger('kafka-provision');
  const settings = { ...kafkaSettings(loadEnv(CommonEnv, process.env), { name: 'vigie-admin' }), createTopics: true };
  const kafka = createKafkaClient(settings);
  await new TopicProvisioner(kafka, settings).onModuleInit();
  if (!settings.security) {
    logger.log('no SASL configured: topics created, no ACL to write');
    return;
  }
  const admin = kafka.admin();
  await admin.connect();
  try {
    const acl = KAFKA_SERVICE_USERS.flatMap((user) => serviceAcls(user));
    // Creating an ACL that exists already is a no-op, so this can run after every start.
    await admin.createAcls({ acl });
    logger.log(`${acl.length} ACLs in place for ${KAFKA_SERVICE_USERS.join(', ')}`);
  } finally {
    await admin.disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`kafka-provision failed: ${(error as Error).message}`);
  process.exit(1);
});
