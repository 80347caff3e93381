/** XML namespace of CAP 1.2 documents (OASIS Standard, 1 July 2010). */
export const CAP_1_2_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';

/** Media type of CAP XML documents. */
export const CAP_XML_MEDIA_TYPE = 'application/cap+xml';
export const JSON_MEDIA_TYPE = 'application/json';

/** Largest CAP XML body accepted (the body parser answers 413 beyond). */
export const CAP_XML_BODY_LIMIT = '256kb';

/** CAP's default for an `info` without `language`. */
export const CAP_DEFAULT_LANGUAGE = 'en-US';

/** Alert-level `code` values Vigie reads and writes. */
export const TLP_CODE_PREFIX = 'TLP:';
export const PERSONAL_DATA_CODE = 'VIGIE:PERSONAL-DATA';

/**
 * Vigie fields CAP has no element for, carried as info `parameter`s (CAP's place for
 * system-specific data) so that a Vigie alert written as CAP reads back unchanged.
 */
export const VIGIE_PARAMETER = {
  occurredAt: 'vigie:occurredAt',
  siteId: 'vigie:siteId',
  commune: 'vigie:commune',
} as const;

export const VIGIE_PARAMETER_NAMES: ReadonlySet<string> = new Set(Object.values(VIGIE_PARAMETER));
