import { OrganisationStatus } from '@vigie/contracts';

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
