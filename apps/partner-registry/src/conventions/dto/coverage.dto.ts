import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { DEPARTMENT_CODE_PATTERN } from '@vigie/contracts';
import { ConventionStatus } from '../convention.entity';

export class CoverageQuery {
  @ApiPropertyOptional({ example: '69', description: 'This département only (within your scope)' })
  @IsOptional()
  @Matches(DEPARTMENT_CODE_PATTERN, { message: 'department must be an INSEE département code' })
  department?: string;
}

export class DepartmentCoverageView {
  @ApiProperty({ example: '69' }) department: string;
  @ApiProperty({ description: 'Active members operating in the département', example: 12 }) members: number;
  @ApiProperty({ description: 'Sites of those members located in the département', example: 31 }) sites: number;
}

export class ConventionCoverageView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'private-security-2019' }) code: string;
  @ApiProperty({ example: 'Convention de partenariat État – sécurité privée' }) name: string;
  @ApiProperty({ enum: ConventionStatus, example: ConventionStatus.Signed }) status: ConventionStatus;
  @ApiProperty({
    description: 'Distinct active members over the départements counted (one operating in two counts once)',
  })
  members: number;
  @ApiProperty({ description: 'Their sites in the départements counted' }) sites: number;
  @ApiProperty({
    type: [DepartmentCoverageView],
    description: 'Every counted département where the convention is deployed, zeros included, in INSEE order',
  })
  departments: DepartmentCoverageView[];
}

export class CoverageView {
  @ApiProperty({
    type: [String],
    nullable: true,
    description: 'The départements counted: null for every one (national level, administrators)',
    example: ['69'],
  })
  departments: string[] | null;
  @ApiProperty({ type: [ConventionCoverageView] }) conventions: ConventionCoverageView[];
}
