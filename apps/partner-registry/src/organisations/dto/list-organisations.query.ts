import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, Matches } from 'class-validator';
import { DEPARTMENT_CODE_PATTERN, OrganisationKind, OrganisationStatus } from '@vigie/contracts';

export class ListOrganisationsQuery {
  @ApiPropertyOptional({ enum: OrganisationKind }) @IsOptional() @IsEnum(OrganisationKind) kind?: OrganisationKind;
  @ApiPropertyOptional({ example: '69' })
  @IsOptional()
  @Matches(DEPARTMENT_CODE_PATTERN, { message: 'department must be an INSEE département code' })
  department?: string;
  @ApiPropertyOptional({ enum: OrganisationStatus })
  @IsOptional()
  @IsEnum(OrganisationStatus)
  status?: OrganisationStatus;
}
