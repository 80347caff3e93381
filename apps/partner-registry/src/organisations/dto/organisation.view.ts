import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OrganisationKind, OrganisationStatus } from '@vigie/contracts';
import type { Organisation } from '../organisation.entity';

export class OrganisationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: OrganisationKind }) kind: OrganisationKind;
  @ApiProperty() name: string;
  @ApiProperty({ enum: OrganisationStatus }) status: OrganisationStatus;
  @ApiProperty({ example: ['69'] }) departments: string[];
  @ApiProperty() statusChangedAt: string;
  @ApiProperty({ example: 'admin' }) statusChangedBy: string;
  @ApiPropertyOptional({ nullable: true, type: String }) statusReason: string | null;
  @ApiProperty() createdAt: string;

  static of(organisation: Organisation): OrganisationView {
    return {
      id: organisation.id,
      kind: organisation.kind,
      name: organisation.name,
      status: organisation.status,
      departments: organisation.departments,
      statusChangedAt: organisation.statusChangedAt.toISOString(),
      statusChangedBy: organisation.statusChangedBy,
      statusReason: organisation.statusReason,
      createdAt: organisation.createdAt.toISOString(),
    };
  }
}
