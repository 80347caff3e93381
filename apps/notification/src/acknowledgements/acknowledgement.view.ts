import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AcknowledgementChannel } from '@vigie/contracts';
import type { AcknowledgementRow } from './acknowledgements.service';

export class AcknowledgementView {
  @ApiProperty({ format: 'uuid' }) alertId: string;
  @ApiProperty({ format: 'uuid', description: 'The recipient organisation that acknowledged' }) organisationId: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'Préfecture du Finistère' })
  organisationName: string | null;
  @ApiProperty({ enum: AcknowledgementChannel, example: AcknowledgementChannel.Email }) channel: AcknowledgementChannel;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'For an e-mailed link: the referent who used it' })
  referentName: string | null;
  @ApiProperty({ example: '2025-11-28T09:17:03.000Z' }) acknowledgedAt: string;

  static of(row: AcknowledgementRow): AcknowledgementView {
    return {
      alertId: row.alert_id,
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
      channel: row.channel,
      referentName: row.referent_name,
      acknowledgedAt: new Date(row.acknowledged_at).toISOString(),
    };
  }
}
