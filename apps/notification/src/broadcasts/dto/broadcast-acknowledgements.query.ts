import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';

export class BroadcastAcknowledgementsQuery {
  @ApiProperty({
    description: 'Comma-separated broadcast ids (at most 100): a page of a list, in one call',
    example: '0193a8c2-6d1e-7a7b-8c2f-5e9d0a1b2c3d,0193a8c4-1f2e-7b3c-9d4e-6f7a8b9c0d1e',
  })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((id) => id.trim()) : value,
  )
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'ids must be broadcast ids (UUIDs) separated by commas' })
  ids: string[];
}
