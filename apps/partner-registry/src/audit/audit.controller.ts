import { Controller, Query } from '@nestjs/common';
import { ApiForbiddenResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { CurrentCaller, type Caller } from '@vigie/access';
import { OptionalInstant } from '@vigie/platform';
import { ReadRoute } from '../access/routes';
import { AuditTrail } from './audit.trail';

const KINDS = ['change', 'read'] as const;

export class AuditQuery {
  @ApiPropertyOptional({ enum: KINDS, description: 'Changes only, or reads only (default: both)' })
  @IsOptional()
  @IsIn(KINDS)
  kind?: (typeof KINDS)[number];
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Entries about this organisation (for a read: the organisation that read, or whose list was read)',
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Entries of what this person changed or read (through the console)',
  })
  @IsOptional()
  @IsUUID()
  personId?: string;
  @ApiPropertyOptional({
    example: 'api-key',
    description:
      'The kind of object changed or read: organisation, api-key, person, invitation, subscription, site, alert, audit, …',
  })
  @IsOptional()
  @Matches(/^[a-z][a-z-]{0,39}$/, { message: 'entity is a kind of object such as api-key' })
  entity?: string;
  @ApiPropertyOptional({ description: 'The id of the object changed or read (with or without entity)' })
  @IsOptional()
  @MaxLength(200)
  entityId?: string;
  @OptionalInstant({ description: 'Entries at or after this instant (ISO 8601)', example: '2026-12-01T00:00:00Z' })
  from?: string;
  @OptionalInstant({ description: 'Entries before this instant (ISO 8601)', example: '2026-12-05T00:00:00Z' })
  to?: string;
  @ApiPropertyOptional({
    description: 'Entries older than this id (paging: the last id of the previous page)',
    example: 120,
  })
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
  @ApiProperty({ enum: KINDS, description: 'A change of the registry, or a read (ADR 42)' })
  kind: (typeof KINDS)[number];
  @ApiProperty({
    example: 'admin',
    description: 'admin, organisation:<id>/key:<id>, organisation:<id>/person:<id> (<name>), or seed',
  })
  actor: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'The person acting, if any' })
  personId: string | null;
  @ApiProperty({
    example: 'organisation.suspended',
    description:
      'For a read: alert.read, alert.chain-read, alert.history-read, audit.read, organisation.people-read, …',
  })
  action: string;
  @ApiProperty({ example: 'organisation' }) entity: string;
  @ApiProperty() entityId: string;
  @ApiPropertyOptional({ nullable: true, type: String }) organisationId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The name of that organisation today' })
  organisationName: string | null;
  @ApiPropertyOptional({ nullable: true, type: Object }) before: unknown;
  @ApiPropertyOptional({
    nullable: true,
    type: Object,
    description: 'The state after a change; for a read, what was read (never the content of an alert)',
  })
  after: unknown;
}

@ApiTags('audit')
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly trail: AuditTrail) {}

  @ReadRoute(
    '',
    'The audit trail (who changed or read what), newest first, filtered by kind, organisation, person, object and period. Administrators and the national level’s operators only; each call is itself recorded as a read.',
    AuditEntryView,
    'list',
  )
  @ApiForbiddenResponse({
    description: 'The caller is neither an administrator nor an operator of the national level.',
  })
  list(@Query() query: AuditQuery, @CurrentCaller() caller: Caller): Promise<AuditEntryView[]> {
    return this.trail.entries(query, caller);
  }
}
