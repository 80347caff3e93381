import { OutboxWithoutNotify1764400060000 } from '@vigie/messaging';
import type { ServiceDataSourceParts } from '@vigie/persistence';
import { AuditEntry } from './audit/audit-entry.entity';
import { ConventionMember } from './conventions/convention-member.entity';
import { Convention } from './conventions/convention.entity';
import { ApiKey } from './credentials/api-key.entity';
import { Department } from './departments/department.entity';
import { InitialRegistry1764300000000 } from './migrations/1764300000000-initial-registry';
import { QueueTablesVacuumedOften1764300000010 } from './migrations/1764300000010-queue-tables-vacuumed-often';
import { PeopleAndSessions1764300000020 } from './migrations/1764300000020-people-and-sessions';
import { TraceHeaders1764300000030 } from './migrations/1764300000030-trace-headers';
import { AuditFilters1764400002010 } from './migrations/1764400002010-audit-filters';
import { FederatedSignIns1764400004000 } from './migrations/1764400004000-federated-sign-ins';
import { AuditedReads1764400042000 } from './migrations/1764400042000-audited-reads';
import { Organisation } from './organisations/organisation.entity';
import { Referent } from './referents/referent.entity';
import { Site } from './sites/site.entity';
import { Subscription } from './subscriptions/subscription.entity';

/** The entities and migrations of the service's schema. */
export const REGISTRY_TABLES: ServiceDataSourceParts = {
  entities: [Organisation, ApiKey, Department, AuditEntry, Convention, ConventionMember, Referent, Site, Subscription],
  migrations: [
    InitialRegistry1764300000000,
    QueueTablesVacuumedOften1764300000010,
    PeopleAndSessions1764300000020,
    TraceHeaders1764300000030,
    AuditFilters1764400002010,
    FederatedSignIns1764400004000,
    AuditedReads1764400042000,
    OutboxWithoutNotify1764400060000,
  ],
};
