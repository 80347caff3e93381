import type { Caller } from '@vigie/access';
import { OrganisationKind, STATE_KINDS, type Sector } from '@vigie/contracts';
import type { FieldError } from '@vigie/platform';

export interface Candidate {
  kind: OrganisationKind;
  sector: Sector | null;
  departments: string[];
}

export interface ConventionScope {
  sector: Sector;
  departments: string[];
}

/**
 * Why the organisation may not join the convention (empty when it may). A convention binds
 * the partners of one sector, its professional bodies included; State organisations take part
 * through their competence and never join. Joining a convention deployed in none of the
 * organisation's départements would entitle it to nothing.
 */
export function joinProblems(organisation: Candidate, convention: ConventionScope): FieldError[] {
  if (STATE_KINDS.includes(organisation.kind)) {
    return [{ field: 'organisationId', problems: ['State organisations do not join conventions'] }];
  }
  const problems: string[] = [];
  if (organisation.sector !== convention.sector) {
    problems.push(
      `the organisation belongs to ${organisation.sector ?? 'no sector'}, the convention to ${convention.sector}`,
    );
  }
  if (!organisation.departments.some((code) => convention.departments.includes(code))) {
    problems.push('the convention is deployed in none of the organisation’s départements');
  }
  return problems.length > 0 ? [{ field: 'organisationId', problems }] : [];
}

/** Who is looking at a convention's members, and from where. */
export type MemberViewer =
  | { sees: 'all' }
  /** A State organisation: members operating where it is competent. */
  | { sees: 'departments'; departments: string[] }
  /** A member: itself and the members sharing a département with it. */
  | { sees: 'fellows'; organisationId: string; departments: string[] };

/** How the caller sees the member list, or null when the list is not for it. */
export function memberViewerOf(caller: Caller, callerIsMember: boolean): MemberViewer | null {
  if (caller.isAdmin) return { sees: 'all' };
  if (caller.kind && STATE_KINDS.includes(caller.kind)) return { sees: 'departments', departments: caller.departments };
  if (callerIsMember && caller.organisationId) {
    return { sees: 'fellows', organisationId: caller.organisationId, departments: caller.departments };
  }
  return null;
}

export function canSeeMember(viewer: MemberViewer, member: { organisationId: string; departments: string[] }): boolean {
  switch (viewer.sees) {
    case 'all':
      return true;
    case 'departments':
      return member.departments.some((code) => viewer.departments.includes(code));
    case 'fellows':
      return (
        member.organisationId === viewer.organisationId ||
        member.departments.some((code) => viewer.departments.includes(code))
      );
  }
}
