import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Geography } from '@vigie/geo';
import { viewOf } from '../../views/view-of';
import type { Site } from '../site.entity';
import { missingRequirements } from '../site.requirements';
import { SecurityPlanStatus, SiteKind, SiteRequirement } from '../site.vocabulary';

export class SecurityPlanView {
  @ApiProperty({ enum: SecurityPlanStatus }) status: SecurityPlanStatus;
  @ApiPropertyOptional({ nullable: true, type: String, example: '3.1' }) version: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '2019-06-14' }) date: string | null;
}

export class SiteView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ example: 'Centre commercial de la Part-Dieu' }) name: string;
  @ApiProperty({ enum: SiteKind }) kind: SiteKind;
  @ApiProperty({ example: '69123' }) commune: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'Lyon' }) communeName: string | null;
  @ApiProperty({ example: '69' }) department: string;
  @ApiProperty({ type: SecurityPlanView }) securityPlan: SecurityPlanView;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) crisisCoordinatorId: string | null;
  @ApiProperty({
    enum: SiteRequirement,
    isArray: true,
    description: 'What the site lacks against the large-retail convention’s recommendation',
  })
  missing: SiteRequirement[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;

  static of(site: Site): SiteView {
    return {
      ...viewOf(site, ['id', 'organisationId', 'name', 'kind', 'commune']),
      communeName: Geography.official().commune(site.commune)?.name ?? null,
      department: site.department,
      securityPlan: {
        status: site.securityPlanStatus,
        version: site.securityPlanVersion,
        date: site.securityPlanDate,
      },
      crisisCoordinatorId: site.crisisCoordinatorId,
      missing: missingRequirements(site),
      ...viewOf(site, ['createdAt', 'updatedAt']),
    };
  }
}
