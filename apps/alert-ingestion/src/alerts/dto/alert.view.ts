import { ApiProperty } from '@nestjs/swagger';
import { AlertSnapshot } from '@vigie/contracts';

/** An alert as stored: CAP 1.2 fields plus Vigie's resolution (location, TLP, sender organisation). */
export class AlertView extends AlertSnapshot {
  @ApiProperty({ format: 'uuid', description: 'Same as alertId' }) id: string;

  static of(snapshot: AlertSnapshot): AlertView {
    return { id: snapshot.alertId, ...snapshot };
  }
}
