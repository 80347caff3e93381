import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class IssueKeyDto {
  @ApiPropertyOptional({ example: 'alarm-centre integration', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string;
}

export class IssuedKeyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ description: 'The key itself. Shown once: only its hash is stored.', example: 'vgk_…' }) key: string;
  @ApiPropertyOptional({ nullable: true, type: String }) label: string | null;
  @ApiProperty() createdAt: string;
}
