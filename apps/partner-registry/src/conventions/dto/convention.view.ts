import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Sector } from '@vigie/contracts';
import { documentedFields, viewOf } from '../../views/view-of';
import { ConventionStatus, type Convention } from '../convention.entity';

export class ConventionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'private-security-2019' }) code: string;
  @ApiProperty({ example: 'Convention de partenariat État – sécurité privée' }) name: string;
  @ApiProperty({ enum: Sector, example: Sector.PrivateSecurity }) sector: Sector;
  @ApiProperty({ enum: ConventionStatus, example: ConventionStatus.Signed }) status: ConventionStatus;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date', example: '2019-02-11' })
  signedOn: string | null;
  @ApiProperty({ example: ['USP', 'SNES', 'CDSE'] }) signatories: string[];
  @ApiProperty({ description: 'INSEE codes of the départements where it is deployed', example: ['01', '69'] })
  departments: string[];

  static of(convention: Convention): ConventionView {
    return viewOf(convention, documentedFields(ConventionView));
  }
}
