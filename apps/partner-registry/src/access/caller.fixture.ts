import type { Caller } from '@vigie/access';
import { ApiKeyRole, OrganisationKind } from '@vigie/contracts';

/**
 * A caller for the registry's access rules in tests: a subscriber key of a security firm of the
 * Rhône, with what a case changes (an administrator, a prefecture, another role or organisation).
 */
export const caller = (changes: Partial<Caller>): Caller => ({
  organisationId: 'firm-69',
  kind: OrganisationKind.SecurityFirm,
  departments: ['69'],
  roles: [ApiKeyRole.Subscriber],
  isAdmin: false,
  keyId: 'key',
  ...changes,
});
