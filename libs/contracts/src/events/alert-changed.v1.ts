import { defineEvent } from '../envelope';
import { Topics } from '../topics';
import { AlertSnapshot } from './alert-snapshot';
import { Nested } from './payload-fields';

/**
 * A new message in an alert's chain (CAP msgType Update or Cancel), referencing the earlier
 * ones. Key: the original alert id, so a chain stays in order on one partition.
 */
export class AlertChangedV1Payload {
  @Nested(() => AlertSnapshot) alert: AlertSnapshot;
}

export const AlertUpdatedV1 = defineEvent(Topics.AlertUpdatedV1, AlertChangedV1Payload);

export const AlertCancelledV1 = defineEvent(Topics.AlertCancelledV1, AlertChangedV1Payload);
