import { DIRECTORY_ENTITIES } from '@vigie/access';
import { OutboxWithoutNotify1764400060000 } from '@vigie/messaging';
import type { ServiceDataSourceParts } from '@vigie/persistence';
import { Alert } from './alerts/alert.entity';
import { InitialIngestion1764300000100 } from './migrations/1764300000100-initial-ingestion';
import { IdempotencyKeys1764300000110 } from './migrations/1764300000110-idempotency-keys';
import { QueueTablesVacuumedOften1764300000120 } from './migrations/1764300000120-queue-tables-vacuumed-often';
import { TraceHeaders1764300000130 } from './migrations/1764300000130-trace-headers';
import { CapReferences1764300000140 } from './migrations/1764300000140-cap-references';
import { AlertStatisticsIndex1764300000190 } from './migrations/1764300000190-alert-statistics-index';

/** The entities and migrations of the service's schema. */
export const INGESTION_TABLES: ServiceDataSourceParts = {
  entities: [...DIRECTORY_ENTITIES, Alert],
  migrations: [
    InitialIngestion1764300000100,
    IdempotencyKeys1764300000110,
    QueueTablesVacuumedOften1764300000120,
    TraceHeaders1764300000130,
    CapReferences1764300000140,
    AlertStatisticsIndex1764300000190,
    OutboxWithoutNotify1764400060000,
  ],
};
