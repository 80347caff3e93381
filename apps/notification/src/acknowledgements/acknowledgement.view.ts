import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AcknowledgementChannel } from '@vigie/contracts';
import type { AcknowledgementRow } from './acknowledgements.service';

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

  static of(row: AcknowledgementRow): AcknowledgementView {
    return {
      alertId: row.alert_id,
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
      channel: row.channel,
      referentName: row.referent_name,
      note: row.note,
      person: row.person_id ? { id: row.person_id, name: row.person_name ?? '' } : null,
      acknowledgedAt: new Date(row.acknowledged_at).toISOString(),
    };
  }
}
