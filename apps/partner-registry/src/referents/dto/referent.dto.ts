import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { OrganisationKind } from '@vigie/contracts';
import { OptionalDepartment, OptionalEnum, RequiredDepartment, RequiredEnum } from '@vigie/platform';
import { documentedFields, viewOf } from '../../views/view-of';
import { IsPhone } from '../phone';
import { ReferentRole, type Referent } from '../referent.entity';

const NOT_BLANK = /\S/;

export class CreateReferentDto {
  @RequiredDepartment({ description: 'INSEE code of a département where the organisation operates', example: '69' })
  department: string;

  @RequiredEnum(ReferentRole, { example: ReferentRole.Primary })
  role: ReferentRole;

  @ApiProperty({ example: 'Camille Martin', minLength: 2, maxLength: 200 })
  @IsString()
  @Length(2, 200)
  @Matches(NOT_BLANK, { message: 'fullName must not be blank' })
  fullName: string;

  @ApiProperty({ example: 'camille.martin@example.fr', maxLength: 254 })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({
    description: 'French (04 72 61 60 60) or international (+33 4 72 61 60 60)',
    example: '+33 4 72 61 60 60',
  })
  @IsPhone()
  phone: string;
}

export class UpdateReferentDto {
  @OptionalDepartment({ example: '69' })
  department?: string;

  @OptionalEnum(ReferentRole, { example: ReferentRole.Deputy })
  role?: ReferentRole;

  @ApiPropertyOptional({ example: 'Camille Martin', minLength: 2, maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  @Matches(NOT_BLANK, { message: 'fullName must not be blank' })
  fullName?: string;

  @ApiPropertyOptional({ example: 'camille.martin@example.fr', maxLength: 254 })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '06 12 34 56 78' })
  @IsOptional()
  @IsPhone()
  phone?: string;
}

export class ReferentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ example: '69' }) department: string;
  @ApiProperty({ enum: ReferentRole, example: ReferentRole.Primary }) role: ReferentRole;
  @ApiProperty({ example: 'Camille Martin' }) fullName: string;
  @ApiProperty({ example: 'camille.martin@example.fr' }) email: string;
  @ApiProperty({ example: '+33 4 72 61 60 60' }) phone: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;

  static of(referent: Referent): ReferentView {
    return viewOf(referent, documentedFields(ReferentView));
  }
}

export class DirectoryOrganisation {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Préfecture du Rhône' }) name: string;
  @ApiProperty({ enum: OrganisationKind, example: OrganisationKind.Prefecture }) kind: OrganisationKind;
}

export class DirectoryEntryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: DirectoryOrganisation }) organisation: DirectoryOrganisation;
  @ApiProperty({
    description: 'Codes of the conventions through which it is listed; empty for the prefecture',
    example: ['private-security-2019'],
  })
  conventions: string[];
  @ApiProperty({ enum: ReferentRole }) role: ReferentRole;
  @ApiProperty({ example: 'Camille Martin' }) fullName: string;
  @ApiProperty({ example: 'camille.martin@example.fr' }) email: string;
  @ApiProperty({ example: '+33 4 72 61 60 60' }) phone: string;
}
