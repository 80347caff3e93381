import { DIRECTORY_ENTITIES } from '@vigie/access';
import { OutboxWithoutNotify1764400060000 } from '@vigie/messaging';
import type { ServiceDataSourceParts } from '@vigie/persistence';
import { Broadcast } from './broadcasts/broadcast.entity';
import { InitialRouting1764300000200 } from './migrations/1764300000200-initial-routing';
import { StoredRulesAndBroadcasts1764300000201 } from './migrations/1764300000201-stored-rules-and-broadcasts';
import { QueueTablesVacuumedOften1764300000210 } from './migrations/1764300000210-queue-tables-vacuumed-often';
import { TraceHeaders1764300000220 } from './migrations/1764300000220-trace-headers';
import { RulesBumpRoutingVersion1764300000230 } from './migrations/1764300000230-rules-bump-routing-version';
import { RoutingInputsAnnounced1764400070000 } from './migrations/1764400070000-routing-inputs-announced';
import { ParkedChange } from './routing/parked-change.entity';
import { RoutingDecision } from './routing/routing-decision.entity';
import { StoredRule } from './stored-rules/stored-rule.entity';

/** The entities and migrations of the service's schema. */
export const ROUTING_TABLES: ServiceDataSourceParts = {
  entities: [...DIRECTORY_ENTITIES, RoutingDecision, ParkedChange, StoredRule, Broadcast],
  migrations: [
    InitialRouting1764300000200,
    StoredRulesAndBroadcasts1764300000201,
    QueueTablesVacuumedOften1764300000210,
    TraceHeaders1764300000220,
    RulesBumpRoutingVersion1764300000230,
    OutboxWithoutNotify1764400060000,
    RoutingInputsAnnounced1764400070000,
  ],
};
