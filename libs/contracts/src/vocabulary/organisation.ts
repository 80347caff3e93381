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

/** The sectors of the partnership conventions. */
export enum Sector {
  PrivateSecurity = 'PRIVATE_SECURITY',
  LargeRetail = 'LARGE_RETAIL',
  Jewellery = 'JEWELLERY',
  Tobacco = 'TOBACCO',
  SocialHousing = 'SOCIAL_HOUSING',
}

/** The sector an organisation of each partner kind belongs to; State kinds belong to none. */
export const SECTOR_OF_KIND: Partial<Record<OrganisationKind, Sector>> = {
  [OrganisationKind.SecurityFirm]: Sector.PrivateSecurity,
  [OrganisationKind.ShoppingSiteOperator]: Sector.LargeRetail,
  [OrganisationKind.Jeweller]: Sector.Jewellery,
  [OrganisationKind.Tobacconist]: Sector.Tobacco,
  [OrganisationKind.SocialLandlord]: Sector.SocialHousing,
};

export const STATE_KINDS: readonly OrganisationKind[] = [
  OrganisationKind.Prefecture,
  OrganisationKind.StateForce,
  OrganisationKind.NationalLevel,
];

/** What an API key may do. */
export enum ApiKeyRole {
  /** Submit, update and cancel alerts. */
  Publisher = 'publisher',
  /** Receive alerts: webhooks, stream, subscriptions. */
  Subscriber = 'subscriber',
  /** Run the organisation's part of the network: referents, sites, keys; for a prefecture, its partners. */
  Operator = 'operator',
  /** Everything, everywhere (the national level). */
  Admin = 'admin',
}

/** A referent is an organisation's primary contact for a département, or the deputy to escalate to. */
export enum ReferentRole {
  Primary = 'PRIMARY',
  Deputy = 'DEPUTY',
}

/** What a person does for their organisation; each maps to the API roles of their access tokens. */
export enum PersonRole {
  /** Reads, acknowledges and answers what arrives; for a prefecture, also manages its partners. */
  DutyOfficer = 'DUTY_OFFICER',
  /** Manages the organisation's people, keys and records. */
  OrganisationAdmin = 'ORGANISATION_ADMIN',
  /** Reads the national picture. */
  NationalAnalyst = 'NATIONAL_ANALYST',
}
