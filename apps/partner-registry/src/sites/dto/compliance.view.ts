import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SecurityPlanStatus, SiteKind, SiteRequirement } from '../site.vocabulary';

export class ComplianceDepartment {
  @ApiProperty({ example: '69' }) code: string;
  @ApiProperty({ example: 'Rhône' }) name: string;
}

export class ComplianceCounts {
  @ApiProperty({ description: 'Sites registered in the département' }) sites: number;
  @ApiProperty() compliant: number;
  @ApiProperty() nonCompliant: number;
  @ApiProperty({ description: 'Sites whose security plan is not APPROVED' }) missingApprovedSecurityPlan: number;
  @ApiProperty({ description: 'Sites without a crisis-management coordinator' }) missingCrisisCoordinator: number;
}

export class SiteOwnerRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Centres commerciaux du Rhône' }) name: string;
}

export class NonCompliantSite {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: SiteKind }) kind: SiteKind;
  @ApiProperty({ example: '69123' }) commune: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'Lyon' }) communeName: string | null;
  @ApiProperty({ type: SiteOwnerRef }) organisation: SiteOwnerRef;
  @ApiProperty({ enum: SecurityPlanStatus }) securityPlanStatus: SecurityPlanStatus;
  @ApiProperty({ enum: SiteRequirement, isArray: true }) missing: SiteRequirement[];
}

export class ComplianceView {
  @ApiProperty({ type: ComplianceDepartment }) department: ComplianceDepartment;
  @ApiProperty({ type: ComplianceCounts }) counts: ComplianceCounts;
  @ApiProperty({ type: NonCompliantSite, isArray: true }) sites: NonCompliantSite[];
}
