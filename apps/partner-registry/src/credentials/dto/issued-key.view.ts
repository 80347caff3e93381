import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ApiKeyRole } from '@vigie/contracts';
import { OptionalInstant } from '@vigie/platform';
import { documentedFields, viewOf } from '../../views/view-of';
import type { ApiKey } from '../api-key.entity';

export class IssueKeyDto {
  @ApiProperty({ enum: ApiKeyRole, isArray: true, example: [ApiKeyRole.Publisher, ApiKeyRole.Subscriber] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(ApiKeyRole, { each: true })
  roles: ApiKeyRole[];

  @ApiPropertyOptional({ example: 'alarm-centre integration', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string;

  @OptionalInstant({ description: 'When the key stops working (ISO 8601)', example: '2027-06-30T00:00:00Z' })
  expiresAt?: string;
}

export class RotateKeyDto {
  @ApiPropertyOptional({
    description: 'How long the old key keeps working, to deploy the new one (seconds)',
    default: 3600,
    maximum: 604800,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(604800)
  graceSeconds?: number;
}

export class ApiKeyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ enum: ApiKeyRole, isArray: true }) roles: ApiKeyRole[];
  @ApiPropertyOptional({ nullable: true, type: String }) label: string | null;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) expiresAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) revokedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) replacesKeyId: string | null;

  static of(key: ApiKey): ApiKeyView {
    return viewOf(key, documentedFields(ApiKeyView));
  }
}

export class IssuedKeyView extends ApiKeyView {
  @ApiProperty({ description: 'The key itself. Shown once: only its hash is stored.', example: 'vgk_…' }) key: string;
}
