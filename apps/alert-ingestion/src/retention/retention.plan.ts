import type { RetentionPlan } from '@vigie/platform';
import type { IngestionConfig } from '../config';
import { forgetKeysOlderThan } from '../idempotency/idempotency-keys.queries';

/**
 * Data protection: the personal data of alerts flagged as holding some is erased once the
 * retention period is over, and idempotency keys are forgotten after a day.
 */
export function ingestionRetention(config: IngestionConfig): RetentionPlan {
  const { retention } = config;
  return {
    targets: [
      {
        table: 'alerts',
        column: 'snapshot',
        path: [],
        due: "personal_data AND sent < now() - $1 * interval '1 second'",
      },
    ],
    retentionSeconds: retention.personalDataSeconds,
    intervalMs: retention.sweepIntervalMs,
    alsoRun: async (dataSource) => {
      await forgetKeysOlderThan(dataSource.manager, retention.idempotencyKeySeconds);
    },
  };
}
