import { OrganisationStatus } from '@vigie/contracts';
import { ConflictError } from '@vigie/platform';

const { Pending, Active, Suspended, Revoked } = OrganisationStatus;

/** Allowed status changes. REVOKED is final. */
const TRANSITIONS: Record<OrganisationStatus, OrganisationStatus[]> = {
  [Pending]: [Active, Revoked],
  [Active]: [Suspended, Revoked],
  [Suspended]: [Active, Revoked],
  [Revoked]: [],
};

export function canTransition(from: OrganisationStatus, to: OrganisationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** A revoked organisation is kept for the record and changes no more: keys, referents, sites, conventions, subscriptions. */
export function refuseIfRevoked(organisation: { status: OrganisationStatus }): void {
  if (organisation.status === OrganisationStatus.Revoked) throw new ConflictError('organisation is revoked');
}
