import { AclOperationTypes, AclResourceTypes, ResourcePatternTypes } from 'kafkajs';
import { Topics, type Topic } from '@vigie/contracts';
import { KAFKA_SERVICE_USERS, serviceAcls, TOPIC_RIGHTS } from './kafka.acls';

describe('Kafka ACLs of the service users', () => {
  const rights = Object.values(TOPIC_RIGHTS);

  it('gives every topic exactly one producing service', () => {
    for (const topic of Object.values(Topics)) {
      const producers = rights.filter((right) => (right.produces as readonly Topic[]).includes(topic));
      expect({ topic, producers: producers.length }).toEqual({ topic, producers: 1 });
    }
  });

  it('names one user per service', () => {
    expect(KAFKA_SERVICE_USERS).toEqual(['partner-registry', 'alert-ingestion', 'prefect-routing', 'notification']);
  });

  it('lets notification read what it consumes, write what it produces, and nothing else', () => {
    const acls = serviceAcls('notification');
    const on = (operation: AclOperationTypes) =>
      acls
        .filter((acl) => acl.resourceType === AclResourceTypes.TOPIC && acl.operation === operation)
        .map((acl) => acl.resourceName)
        .sort();
    expect(on(AclOperationTypes.READ)).toEqual(['alert.routed.v1', 'broadcast.routed.v1', 'partner.changed.v1']);
    expect(on(AclOperationTypes.WRITE)).toEqual([
      'alert.acknowledged.v1',
      'alert.routed.v1.dlq',
      'broadcast.acknowledged.v1',
      'broadcast.routed.v1.dlq',
      'delivery.dead.v1',
      'partner.changed.v1.dlq',
    ]);
    expect(on(AclOperationTypes.CREATE)).toEqual([]);
    expect(acls.filter((acl) => acl.resourceType === AclResourceTypes.GROUP)).toEqual([
      expect.objectContaining({
        resourceName: 'notification',
        resourcePatternType: ResourcePatternTypes.PREFIXED,
        operation: AclOperationTypes.READ,
      }),
    ]);
    expect(new Set(acls.map((acl) => acl.principal))).toEqual(new Set(['User:notification']));
    expect(
      acls.every(
        (acl) =>
          acl.resourcePatternType !== ResourcePatternTypes.PREFIXED || acl.resourceType === AclResourceTypes.GROUP,
      ),
    ).toBe(true);
  });

  it('lets the registry read the audited reads alone, and ingestion alone write them', () => {
    const topicAcls = (user: 'partner-registry' | 'alert-ingestion') =>
      serviceAcls(user)
        .filter((acl) => acl.resourceType === AclResourceTypes.TOPIC)
        .map((acl) => `${acl.operation === AclOperationTypes.READ ? 'read' : 'write'} ${acl.resourceName}`)
        .sort();
    expect(topicAcls('partner-registry')).toEqual([
      'read audit.read.v1',
      'write audit.read.v1.dlq',
      'write partner.changed.v1',
    ]);
    expect(topicAcls('alert-ingestion')).toContain('write audit.read.v1');
    for (const user of ['prefect-routing', 'notification'] as const) {
      expect(serviceAcls(user).map((acl) => acl.resourceName)).not.toContain('audit.read.v1');
    }
  });
});
