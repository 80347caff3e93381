import { OrganisationKind, OrganisationStatus } from '@vigie/contracts';
import { OptionalDepartment, OptionalEnum } from '@vigie/platform';

export class ListOrganisationsQuery {
  @OptionalEnum(OrganisationKind) kind?: OrganisationKind;
  @OptionalDepartment({ example: '69' }) department?: string;
  @OptionalEnum(OrganisationStatus) status?: OrganisationStatus;
}
