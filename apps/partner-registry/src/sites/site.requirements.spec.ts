import { missingRequirements, securityPlanProblems } from './site.requirements';
import { SecurityPlanStatus as Plan, SiteRequirement as Needs } from './site.vocabulary';

const COORDINATOR = '5f0c2a43-58a4-4d3e-9a43-0f3a3b0f6a11';

describe('what a site misses', () => {
  it.each([
    [Plan.Approved, COORDINATOR, []],
    [Plan.Approved, null, [Needs.CrisisCoordinator]],
    [Plan.Submitted, COORDINATOR, [Needs.ApprovedSecurityPlan]],
    [Plan.Draft, COORDINATOR, [Needs.ApprovedSecurityPlan]],
    [Plan.None, COORDINATOR, [Needs.ApprovedSecurityPlan]],
    [Plan.Submitted, null, [Needs.ApprovedSecurityPlan, Needs.CrisisCoordinator]],
    [Plan.None, null, [Needs.ApprovedSecurityPlan, Needs.CrisisCoordinator]],
  ])('plan %s, coordinator %s → %j', (securityPlanStatus, crisisCoordinatorId, expected) => {
    expect(missingRequirements({ securityPlanStatus, crisisCoordinatorId })).toEqual(expected);
  });
});

describe('security plan coherence', () => {
  it.each([
    [{ status: Plan.Approved, version: '3.1', date: '2019-06-14' }, []],
    [{ status: Plan.Approved, date: '2019-06-14' }, ['securityPlan.version']],
    [{ status: Plan.Approved, version: '3.1' }, ['securityPlan.date']],
    [{ status: Plan.Approved }, ['securityPlan.version', 'securityPlan.date']],
    [{ status: Plan.Submitted }, []],
    [{ status: Plan.Draft, version: '0.2' }, []],
    [{ status: Plan.None }, []],
    [{ status: Plan.None, version: '1' }, ['securityPlan']],
    [{ status: Plan.None, date: '2019-06-14' }, ['securityPlan']],
  ])('%j → problems on %j', (plan, fields) => {
    expect(securityPlanProblems(plan).map((problem) => problem.field)).toEqual(fields);
  });
});
