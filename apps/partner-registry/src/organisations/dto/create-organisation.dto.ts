import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { OrganisationKind, Sector } from '@vigie/contracts';
import { OptionalEnum, RequiredEnum } from '@vigie/platform';
import { DepartmentCodes } from '../../departments/department-codes.decorator';

export class CreateOrganisationDto {
  @RequiredEnum(OrganisationKind, { example: OrganisationKind.SecurityFirm })
  kind: OrganisationKind;

  @ApiProperty({ example: 'Gardiennage Rhône-Alpes SAS', minLength: 2, maxLength: 200 })
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiProperty({ description: 'INSEE codes of the départements where it operates', example: ['69'] })
  @DepartmentCodes()
  departments: string[];

  @ApiPropertyOptional({
    description: 'Required for a security firm: 14 digits with a valid checksum',
    example: '73282932000074',
  })
  @IsOptional()
  @IsString()
  siret?: string;

  @ApiPropertyOptional({
    description: 'CNAPS authorisation number; required for a security firm',
    example: 'AUT-069-2118-05-23-20190371234',
  })
  @IsOptional()
  @Matches(/^AUT-[0-9A-Z]{2,3}-[0-9-]{6,40}$/, { message: 'cnapsNumber must be a CNAPS authorisation number (AUT-…)' })
  cnapsNumber?: string;

  @OptionalEnum(Sector, { description: 'Required for a professional body; implied by other partner kinds' })
  sector?: Sector;
}
