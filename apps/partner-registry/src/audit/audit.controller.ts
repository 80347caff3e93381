import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { DataSource, LessThan } from 'typeorm';
import { RequireRoles } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { AuditEntry } from './audit-entry.entity';

export class AuditQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organisationId?: string;
  @ApiPropertyOptional({ description: 'Entries older than this id (paging)', example: 120 })
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
  @ApiProperty({ example: 'admin', description: 'admin, organisation:<id>/key:<id>, or seed' }) actor: string;
  @ApiProperty({ example: 'organisation.suspended' }) action: string;
  @ApiProperty({ example: 'organisation' }) entity: string;
  @ApiProperty() entityId: string;
  @ApiPropertyOptional({ nullable: true, type: String }) organisationId: string | null;
  @ApiPropertyOptional({ nullable: true, type: Object }) before: unknown;
  @ApiPropertyOptional({ nullable: true, type: Object }) after: unknown;
}

@ApiTags('audit')
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @RequireRoles(ApiKeyRole.Admin)
  @ApiOperation({ summary: 'The audit trail, newest first. Administrators only.' })
  @ApiOkResponse({ type: AuditEntryView, isArray: true })
  async list(@Query() query: AuditQuery): Promise<AuditEntryView[]> {
    const entries = await this.dataSource.manager.find(AuditEntry, {
      where: {
        ...(query.organisationId ? { organisationId: query.organisationId } : {}),
        ...(query.before ? { id: LessThan(String(query.before)) } : {}),
      },
      order: { id: 'DESC' },
      take: query.limit ?? 100,
    });
    return entries.map((entry) => ({ ...entry, id: Number(entry.id), at: entry.at.toISOString() }));
  }
}
