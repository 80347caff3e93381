import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class DeliveriesQuery {
  @ApiProperty({
    format: 'uuid',
    description: 'The routed alert (or broadcast)',
    example: '3f0c9b52-6d1e-4a7b-8c2f-5e9d0a1b2c3d',
  })
  @IsUUID()
  alertId: string;
}
