import { ApiProperty } from '@nestjs/swagger';
import { AlertMessageType, AlertScope, AlertStatus, Tlp, type AlertSnapshot } from '@vigie/contracts';
import { SubmitAlertInfoDto } from './submit-alert.dto';

export class AlertAreaView {
  @ApiProperty({ example: '69123' }) commune: string;
  @ApiProperty({ example: 'Lyon' }) communeName: string;
  @ApiProperty({ example: '69' }) department: string;
}

/** An alert as stored: the submitted fields plus what ingestion resolved. */
export class AlertView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) senderOrganisationId: string;
  @ApiProperty() sent: string;
  @ApiProperty() occurredAt: string;
  @ApiProperty({ enum: AlertStatus }) status: AlertStatus;
  @ApiProperty({ enum: AlertMessageType }) msgType: AlertMessageType;
  @ApiProperty({ enum: AlertScope }) scope: AlertScope;
  @ApiProperty({ enum: Tlp }) tlp: Tlp;
  @ApiProperty({ type: SubmitAlertInfoDto }) info: SubmitAlertInfoDto;
  @ApiProperty({ type: AlertAreaView }) area: AlertAreaView;

  static of(snapshot: AlertSnapshot): AlertView {
    const { alertId, ...rest } = snapshot;
    return { id: alertId, ...rest };
  }
}
