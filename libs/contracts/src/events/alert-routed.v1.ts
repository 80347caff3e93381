import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsInt, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../envelope';
import { Topics } from '../topics';
import { AlertSnapshot } from './alert-snapshot';
import { Instant, Text, Nested, OptionalNested } from './payload-fields';

/** One recipient of a routed alert and why it receives it. */
export class RoutedRecipient {
  @IsUUID() organisationId: string;
  /** Identifier of the rule that selected the recipient. */
  @Text() rule: string;
  /** Human-readable explanation, shown to operators. */
  @Text() reason: string;
}

/** Which of the events of one decision this is, when its recipients did not fit in one. */
export class RoutedPart {
  /** From 1. */
  @IsInt() @Min(1) @Max(100_000) index: number;
  @IsInt() @Min(2) @Max(100_000) count: number;
}

/** Most recipients one alert.routed.v1 event carries: a Kafka message stays far below 1 MB. */
export const ROUTED_RECIPIENTS_PER_EVENT = 1000;

/**
 * Routing decided who receives an alert. Key: the original alert's id, so that an alert, its
 * updates and its cancellation stay in one partition, in order. A decision with more than
 * ROUTED_RECIPIENTS_PER_EVENT recipients is published as several events in a row, each with the
 * alert, the decision's id and a slice of the recipients, numbered by `part`; each is handled on
 * its own (every recipient is in exactly one of them).
 */
export class AlertRoutedV1Payload {
  @Nested(() => AlertSnapshot) alert: AlertSnapshot;
  @IsUUID() decisionId: string;
  @Instant() routedAt: string;
  @IsArray()
  @ArrayMinSize(0)
  @ValidateNested({ each: true })
  @Type(() => RoutedRecipient)
  recipients: RoutedRecipient[];
  /** Absent when the decision fits in one event. */
  @OptionalNested(() => RoutedPart) part?: RoutedPart;
}

export const AlertRoutedV1 = defineEvent(Topics.AlertRoutedV1, AlertRoutedV1Payload);
