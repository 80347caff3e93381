import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsISO8601,
  IsNotEmpty,
  IsString,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../envelope';
import { Topics } from '../topics';
import { AlertSnapshot } from './alert-snapshot';

/** One recipient of a routed alert and why it receives it. */
export class RoutedRecipient {
  @IsUUID() organisationId: string;
  /** Identifier of the rule that selected the recipient. */
  @IsString() @IsNotEmpty() rule: string;
  /** Human-readable explanation, shown to operators. */
  @IsString() @IsNotEmpty() reason: string;
}

/**
 * Routing decided who receives an alert. Key: the original alert's id, so that an alert, its
 * updates and its cancellation stay in one partition, in order.
 */
export class AlertRoutedV1Payload {
  @IsDefined() @ValidateNested() @Type(() => AlertSnapshot) alert: AlertSnapshot;
  @IsUUID() decisionId: string;
  @IsISO8601({ strict: true }) routedAt: string;
  @IsArray()
  @ArrayMinSize(0)
  @ValidateNested({ each: true })
  @Type(() => RoutedRecipient)
  recipients: RoutedRecipient[];
}

export const AlertRoutedV1 = defineEvent({
  type: 'alert.routed',
  version: 1,
  topic: Topics.AlertRoutedV1,
  payload: AlertRoutedV1Payload,
});
