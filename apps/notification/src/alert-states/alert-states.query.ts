import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';

export class AlertStatesQuery {
  @ApiProperty({
    description: 'Comma-separated alert ids (at most 200): a page of a list, in one call',
    example: '3f0c9b52-6d1e-4a7b-8c2f-5e9d0a1b2c3d,8a1d…',
  })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((id) => id.trim()) : value,
  )
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'ids must be alert ids (UUIDs) separated by commas' })
  ids: string[];
}
