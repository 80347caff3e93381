import { defineEvent } from '../envelope';
import { Topics } from '../topics';
import { AlertSnapshot } from './alert-snapshot';
import { Nested } from './payload-fields';

/** An organisation submitted an alert; ingestion validated and stored it. Key: alert id (= original alert id). */
export class AlertSubmittedV1Payload {
  @Nested(() => AlertSnapshot) alert: AlertSnapshot;
}

export const AlertSubmittedV1 = defineEvent(Topics.AlertSubmittedV1, AlertSubmittedV1Payload);
