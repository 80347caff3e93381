import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AcknowledgementChannel } from '@vigie/contracts';
import type { Acknowledgement } from './acknowledgements.queries';

export class AcknowledgingPersonView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Camille Durand' }) name: string;
}

export class AcknowledgementView {
  @ApiProperty({ format: 'uuid' }) alertId: string;
  @ApiProperty({ format: 'uuid', description: 'The recipient organisation that acknowledged' }) organisationId: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'Préfecture du Finistère' })
  organisationName: string | null;
  @ApiProperty({ enum: AcknowledgementChannel, example: AcknowledgementChannel.Email }) channel: AcknowledgementChannel;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'For an e-mailed link: the referent who used it' })
  referentName: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: AcknowledgingPersonView,
    description: 'The person who acknowledged through the console; null for an API key or an e-mailed link',
  })
  person: AcknowledgingPersonView | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'Patrouille envoyée sur place' }) note: string | null;
  @ApiProperty({ example: '2025-11-28T09:17:03.000Z' }) acknowledgedAt: string;

  static of(acknowledgement: Acknowledgement): AcknowledgementView {
    return {
      alertId: acknowledgement.alertId,
      organisationId: acknowledgement.organisationId,
      organisationName: acknowledgement.organisationName,
      channel: acknowledgement.channel,
      referentName: acknowledgement.referentName,
      note: acknowledgement.note,
      person: acknowledgement.person,
      acknowledgedAt: acknowledgement.acknowledgedAt.toISOString(),
    };
  }
}
