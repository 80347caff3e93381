import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { defineEvent } from '../envelope';
import { Topics } from '../topics';
import { AlertSnapshot } from './alert-snapshot';

/** An organisation submitted an alert; ingestion validated and stored it. Key: alert id (= original alert id). */
export class AlertSubmittedV1Payload {
  @IsDefined() @ValidateNested() @Type(() => AlertSnapshot) alert: AlertSnapshot;
}

export const AlertSubmittedV1 = defineEvent({
  type: 'alert.submitted',
  version: 1,
  topic: Topics.AlertSubmittedV1,
  payload: AlertSubmittedV1Payload,
});
