import type { RetentionPlan } from '@vigie/platform';
import type { NotificationConfig } from '../config';
import { eraseEmailAddressesOlderThan } from '../deliveries/deliveries.queries';
import { dropEventsOlderThan } from '../stream/stream-events.queries';

/** Data protection: every copy of an alert notification keeps loses its personal data in time. */
export function notificationRetention(config: NotificationConfig): RetentionPlan {
  return {
    targets: [
      // Every attempt of a delivery sends the same body; retries end hours after routing, long
      // before the period does. One still pending when it ends is sent without the personal data.
      // The alert is in the content its deliveries and stream events share, or, in rows written
      // before contents were shared, in each row.
      {
        table: 'message_contents',
        column: 'data',
        path: ['alert'],
        due: "created_at < now() - $1 * interval '1 second'",
      },
      {
        table: 'deliveries',
        column: 'body',
        path: ['alert'],
        due: "created_at < now() - $1 * interval '1 second'",
      },
      {
        table: 'stream_events',
        column: 'data',
        path: ['alert'],
        due: "created_at < now() - $1 * interval '1 second'",
      },
      {
        table: 'escalations',
        column: 'alert',
        path: [],
        due: "status <> 'armed' AND created_at < now() - $1 * interval '1 second'",
      },
    ],
    retentionSeconds: config.retention.personalDataSeconds,
    intervalMs: config.retention.sweepIntervalMs,
    alsoRun: async (dataSource) => {
      // The stream is kept for replay only so long.
      await dropEventsOlderThan(dataSource.manager, config.stream.replaySeconds);
      // A finished e-mail delivery keeps its referent id, not the address, past the retention period.
      await eraseEmailAddressesOlderThan(dataSource.manager, config.retention.personalDataSeconds);
    },
  };
}
