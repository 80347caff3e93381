import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsString, Length, Matches } from 'class-validator';
import { DEPARTMENT_CODE_PATTERN, OrganisationKind } from '@vigie/contracts';

export class CreateOrganisationDto {
  @ApiProperty({ enum: OrganisationKind, example: OrganisationKind.SecurityFirm })
  @IsEnum(OrganisationKind)
  kind: OrganisationKind;

  @ApiProperty({ example: 'Gardiennage Rhône-Alpes SAS', minLength: 2, maxLength: 200 })
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiProperty({ description: 'INSEE codes of the départements where it operates', example: ['69', '01'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(120)
  @Matches(DEPARTMENT_CODE_PATTERN, { each: true, message: 'each department must be an INSEE département code' })
  departments: string[];
}
