import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { CurrentCaller, type Caller } from '@vigie/access';
import { AuditTrail } from './audit.trail';

export class AuditQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Entries about this organisation' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Entries of changes this person made (through the console)' })
  @IsOptional()
  @IsUUID()
  personId?: string;
  @ApiPropertyOptional({
    example: 'api-key',
    description: 'The kind of object changed: organisation, api-key, person, invitation, subscription, site, …',
  })
  @IsOptional()
  @Matches(/^[a-z][a-z-]{0,39}$/, { message: 'entity is a kind of object such as api-key' })
  entity?: string;
  @ApiPropertyOptional({ description: 'The id of the object changed (with or without entity)' })
  @IsOptional()
  @MaxLength(200)
  entityId?: string;
  @ApiPropertyOptional({ description: 'Entries at or after this instant (ISO 8601)', example: '2026-12-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ description: 'Entries before this instant (ISO 8601)', example: '2026-12-05T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
  @ApiPropertyOptional({ description: 'Entries older than this id (paging: the last id of the previous page)', example: 120 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  before?: number;
  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class AuditEntryView {
  @ApiProperty({ example: 1 }) id: number;
  @ApiProperty() at: string;
  @ApiProperty({
    example: 'admin',
    description: 'admin, organisation:<id>/key:<id>, organisation:<id>/person:<id> (<name>), or seed',
  })
  actor: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'The person acting, if any' })
  personId: string | null;
  @ApiProperty({ example: 'organisation.suspended' }) action: string;
  @ApiProperty({ example: 'organisation' }) entity: string;
  @ApiProperty() entityId: string;
  @ApiPropertyOptional({ nullable: true, type: String }) organisationId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The name of that organisation today' })
  organisationName: string | null;
  @ApiPropertyOptional({ nullable: true, type: Object }) before: unknown;
  @ApiPropertyOptional({ nullable: true, type: Object }) after: unknown;
}

@ApiTags('audit')
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly trail: AuditTrail) {}

  @Get()
  @ApiOperation({
    summary:
      'The audit trail, newest first, filtered by organisation, person, object and period. Administrators and the national level’s operators only.',
  })
  @ApiOkResponse({ type: AuditEntryView, isArray: true })
  @ApiForbiddenResponse({ description: 'The caller is neither an administrator nor an operator of the national level.' })
  list(@Query() query: AuditQuery, @CurrentCaller() caller: Caller): Promise<AuditEntryView[]> {
    return this.trail.entries(query, caller);
  }
}
