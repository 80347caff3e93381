import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BroadcastSnapshot } from '@vigie/contracts';
import { SnapshotProperty } from '@vigie/platform';
import { AcknowledgingPersonView } from '../../acknowledgements/acknowledgement.view';
import type { BroadcastAcknowledgement, ReceivedBroadcast } from '../broadcast-acknowledgements.queries';

export class BroadcastAcknowledgementView {
  @ApiProperty({ format: 'uuid' }) broadcastId: string;
  @ApiProperty({ format: 'uuid', description: 'The recipient organisation that acknowledged' }) organisationId: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'Bijouterie Martin' })
  organisationName: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: AcknowledgingPersonView,
    description: 'The person who acknowledged through the console; null for an API key',
  })
  person: AcknowledgingPersonView | null;
  @ApiProperty({ example: '2026-12-04T21:17:03.000Z' }) acknowledgedAt: string;

  static of(acknowledgement: BroadcastAcknowledgement): BroadcastAcknowledgementView {
    return { ...acknowledgement, acknowledgedAt: acknowledgement.acknowledgedAt.toISOString() };
  }
}

export class ReceivedBroadcastView {
  @SnapshotProperty('The broadcast as sent: the `BroadcastSnapshot` of the `broadcast.routed` webhook')
  broadcast: BroadcastSnapshot;
  @ApiProperty({ format: 'date-time' }) routedAt: string;
  @ApiProperty({ description: 'The routing rule that chose your organisation', example: 'broadcast-audience' })
  rule: string;
  @ApiProperty({
    description: 'Why it reached your organisation',
    example: 'member of convention private-security-2019 in département 69',
  })
  reason: string;
  @ApiPropertyOptional({
    nullable: true,
    type: BroadcastAcknowledgementView,
    description: "Your organisation's acknowledgement; null until someone acknowledges it",
  })
  acknowledgement: BroadcastAcknowledgementView | null;

  static of(received: ReceivedBroadcast): ReceivedBroadcastView {
    return {
      broadcast: received.broadcast,
      routedAt: received.routedAt.toISOString(),
      rule: received.rule,
      reason: received.reason,
      acknowledgement: received.acknowledgement ? BroadcastAcknowledgementView.of(received.acknowledgement) : null,
    };
  }
}
