import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class RotateSecretDto {
  @ApiPropertyOptional({
    description:
      'How long the replaced secret keeps signing beside the new one (each delivery then carries two signatures); 0 stops it at once. Default 86400 (one day), at most 7 days.',
    example: 86400,
    minimum: 0,
    maximum: 604800,
    default: 86400,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(604800)
  overlapSeconds?: number;
}
