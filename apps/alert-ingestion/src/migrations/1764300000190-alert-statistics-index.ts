import type { MigrationInterface } from 'typeorm';
import { migrationSteps } from '@vigie/persistence';

/**
 * What the statistics count (new real alerts, by sent time) read from the index alone: a range
 * on sent, with the three grouped columns carried in the index, so counting a window over a
 * large history never touches the snapshots.
 */
export class AlertStatisticsIndex1764300000190 implements MigrationInterface {
  name = 'AlertStatisticsIndex1764300000190';

  up = migrationSteps(
    `CREATE INDEX ix_alerts_statistics ON alerts (sent) INCLUDE (department, event_code, severity)
      WHERE msg_type = 'Alert' AND status = 'Actual'`,
  );

  down = migrationSteps('DROP INDEX ix_alerts_statistics');
}
