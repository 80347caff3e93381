import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OrganisationKind, OrganisationStatus, Sector } from '@vigie/contracts';
import { documentedFields, viewOf } from '../../views/view-of';
import type { Organisation } from '../organisation.entity';

export class OrganisationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: OrganisationKind }) kind: OrganisationKind;
  @ApiProperty() name: string;
  @ApiProperty({ enum: OrganisationStatus }) status: OrganisationStatus;
  @ApiProperty({ example: ['69'] }) departments: string[];
  @ApiPropertyOptional({ enum: Sector, nullable: true }) sector: Sector | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '73282932000074' }) siret: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) cnapsNumber: string | null;
  @ApiProperty() statusChangedAt: string;
  @ApiProperty({ example: 'organisation:…/key:…' }) statusChangedBy: string;
  @ApiPropertyOptional({ nullable: true, type: String }) statusReason: string | null;
  @ApiProperty() createdAt: string;

  static of(organisation: Organisation): OrganisationView {
    return viewOf(organisation, documentedFields(OrganisationView));
  }
}
