import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';

export class RedeliverSinceDto {
  @ApiProperty({
    description:
      'Redeliver every dead delivery of this endpoint created at or after this instant (ISO 8601). Failed ones are already being retried and are left to their schedule.',
    example: '2026-12-01T08:00:00Z',
  })
  @IsISO8601({ strict: true })
  since: string;
}

export class RedeliveriesView {
  @ApiProperty({ example: 3, description: 'Dead deliveries sent again (back to pending, attempts from zero).' })
  redelivered: number;
  @ApiProperty({ example: 1, description: 'Failed deliveries in the period: already retried on their own schedule.' })
  stillRetrying: number;
}
