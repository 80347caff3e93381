import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class ImportQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description: 'Activate the organisations the import creates (otherwise they stay PENDING)',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  activate?: 'true' | 'false';
}

export class ImportResultView {
  @ApiProperty({
    example: 2,
    description: 'Line in a CSV file (the header is line 1), position from 1 in a JSON array',
  })
  row: number;
  @ApiProperty({
    enum: ['created', 'updated', 'unchanged'],
    description:
      'created; updated (already registered, memberships or subscription it lacked added); unchanged (already as the row says)',
  })
  outcome: 'created' | 'updated' | 'unchanged';
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ example: 'siret:73282932000074', description: 'The natural key the row was matched on' })
  key: string;
}

export class ImportProblemView {
  @ApiProperty({ example: 3 }) row: number;
  @ApiProperty({ example: 'siret' }) field: string;
  @ApiProperty({
    example: 'invalid_value',
    description:
      'invalid_value, missing_value, unknown_column, duplicate_in_file, unknown_convention, convention_refused, subscription_refused, outside_competence, conflicts_with_existing, too_many_subscriptions, revoked',
  })
  code: string;
  @ApiProperty({ example: 'La valeur du champ « siret » n’est pas valide.' }) message: string;
  @ApiPropertyOptional({ example: 'siret must be 14 digits with a valid checksum' }) detail?: string;
}

export class ImportReportView {
  @ApiProperty({ enum: ['csv', 'json'] }) format: 'csv' | 'json';
  @ApiProperty({ example: 3, description: 'Rows in the file' }) rows: number;
  @ApiProperty({ example: 1 }) created: number;
  @ApiProperty({ example: 0 }) updated: number;
  @ApiProperty({ example: 1 }) unchanged: number;
  @ApiProperty({ example: 1, description: 'Rows refused (each with one or more problems)' }) refused: number;
  @ApiProperty({ type: ImportResultView, isArray: true }) results: ImportResultView[];
  @ApiProperty({ type: ImportProblemView, isArray: true }) problems: ImportProblemView[];
}
