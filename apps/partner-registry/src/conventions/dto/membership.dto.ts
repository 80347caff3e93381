import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { OrganisationKind } from '@vigie/contracts';

export class JoinConventionDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The organisation that joins',
    example: '3f0c6a3e-5d0b-4f8e-9a57-0d6c1b1e2a4f',
  })
  @IsUUID()
  organisationId: string;
}

export class MembershipView {
  @ApiProperty({ format: 'uuid' }) conventionId: string;
  @ApiProperty({ example: 'private-security-2019' }) conventionCode: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ example: '2019-03-04T09:30:00.000Z' }) joinedAt: string;
  @ApiProperty({ example: 'organisation:…/key:…', description: 'admin, or organisation:<id>/key:<id>' })
  joinedBy: string;
}

export class MemberView {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ example: 'Gardiennage Rhône-Alpes SAS' }) name: string;
  @ApiProperty({ enum: OrganisationKind, example: OrganisationKind.SecurityFirm }) kind: OrganisationKind;
  @ApiProperty({ example: ['69'] }) departments: string[];
  @ApiProperty({ example: '2019-03-04T09:30:00.000Z' }) joinedAt: string;
}
