export enum OrganisationKind {
  SecurityFirm = 'SECURITY_FIRM',
  ShoppingSiteOperator = 'SHOPPING_SITE_OPERATOR',
  Jeweller = 'JEWELLER',
  Tobacconist = 'TOBACCONIST',
  SocialLandlord = 'SOCIAL_LANDLORD',
  ProfessionalBody = 'PROFESSIONAL_BODY',
  Prefecture = 'PREFECTURE',
  StateForce = 'STATE_FORCE',
  NationalLevel = 'NATIONAL_LEVEL',
}

export enum OrganisationStatus {
  Pending = 'PENDING',
  Active = 'ACTIVE',
  Suspended = 'SUSPENDED',
  Revoked = 'REVOKED',
}

/** INSEE code of a département: 01–95 with 2A/2B, and 971–989 overseas. */
export const DEPARTMENT_CODE_PATTERN = /^(0[1-9]|1[0-9]|2[AB1-9]|[3-8][0-9]|9[0-5]|97[1-8]|98[4-9])$/;

/** INSEE code of a commune: département prefix then commune number, five characters. */
export const COMMUNE_CODE_PATTERN = /^(\d{5}|2[AB]\d{3})$/;
