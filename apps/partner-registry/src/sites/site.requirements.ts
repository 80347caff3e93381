import type { FieldError } from '@vigie/platform';
import { SecurityPlanStatus, SiteRequirement } from './site.vocabulary';

export interface SecurityPlan {
  status: SecurityPlanStatus;
  version?: string | null;
  date?: string | null;
}

/**
 * What a site lacks against the large-retail convention's recommendation: a security plan
 * the authorities have approved, and a crisis-management coordinator. A plan in draft or
 * submitted but not yet approved does not count.
 */
export function missingRequirements(site: {
  securityPlanStatus: SecurityPlanStatus;
  crisisCoordinatorId: string | null;
}): SiteRequirement[] {
  const missing: SiteRequirement[] = [];
  if (site.securityPlanStatus !== SecurityPlanStatus.Approved) missing.push(SiteRequirement.ApprovedSecurityPlan);
  if (!site.crisisCoordinatorId) missing.push(SiteRequirement.CrisisCoordinator);
  return missing;
}

/**
 * Coherence of a security plan: an approved plan is identified by its version and approval
 * date; a site without a plan has neither.
 */
export function securityPlanProblems(plan: SecurityPlan, field = 'securityPlan'): FieldError[] {
  const problems: FieldError[] = [];
  if (plan.status === SecurityPlanStatus.Approved) {
    if (!plan.version) problems.push({ field: `${field}.version`, problems: ['an APPROVED plan needs its version'] });
    if (!plan.date) problems.push({ field: `${field}.date`, problems: ['an APPROVED plan needs its approval date'] });
  }
  if (plan.status === SecurityPlanStatus.None && (plan.version || plan.date)) {
    problems.push({ field, problems: ['a site without a security plan has no plan version or date'] });
  }
  return problems;
}
