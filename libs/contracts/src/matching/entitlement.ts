import { OrganisationKind, STATE_KINDS, type ConventionMembershipState } from '../index';

export interface EntitledOrganisation {
  kind: OrganisationKind;
  departments: string[];
  conventions: ConventionMembershipState[];
}

/**
 * May the organisation share (publish or receive) in the département? A partner must be a
 * member of a convention deployed there; a State organisation where it is competent; the
 * national level everywhere.
 */
export function isEntitledIn(organisation: EntitledOrganisation, department: string): boolean {
  if (organisation.kind === OrganisationKind.NationalLevel) return true;
  if (STATE_KINDS.includes(organisation.kind)) return organisation.departments.includes(department);
  return organisation.conventions.some((convention) => convention.departments.includes(department));
}

export function isStateKind(kind: OrganisationKind): boolean {
  return STATE_KINDS.includes(kind);
}
