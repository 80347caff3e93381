import type {
  AlertCategory,
  AlertCertainty,
  AlertEventCode,
  AlertMessageType,
  AlertScope,
  AlertSeverity,
  AlertStatus,
  AlertUrgency,
  Tlp,
} from '../vocabulary/alert';

/*
 * The one shape of a CAP 1.2 message as partners send it to Vigie, with Vigie's additions
 * (where, TLP, personal data, site). The JSON body (ingestion's DTO) and the CAP XML reader
 * produce it, the stored snapshot carried by events extends it, and every length limit is
 * here: a field changed in one place and not the others does not compile.
 */

/** Size limits of CAP fields, in characters (or items, for lists), wherever they are checked. */
export const CAP_LIMITS = {
  identifier: 200,
  sender: 200,
  restriction: 500,
  note: 2000,
  addresses: 50,
  infoBlocks: 10,
  /** An Update or a Cancel names at most this many earlier messages. */
  references: 100,
  /** One `sender,identifier,sent` entry. */
  reference: 700,
  language: 35,
  event: 200,
  headline: 160,
  description: 8000,
  instruction: 4000,
  audience: 500,
  senderName: 200,
  web: 2000,
  contact: 500,
  resources: 20,
  areas: 20,
  valueName: 200,
  value: 2000,
  resourceDesc: 500,
  mimeType: 200,
  uri: 2000,
  digest: 200,
  areaDesc: 500,
  /** Polygons, and circles, of one area. */
  shapes: 20,
  geocodes: 100,
} as const;

/** A CAP `valueName`/`value` pair (geocode, parameter, eventCode). */
export interface CapValueShape {
  valueName: string;
  value: string;
}

/** CAP 1.2 `resource`. */
export interface CapResourceShape {
  resourceDesc: string;
  mimeType: string;
  size?: number;
  uri?: string;
  digest?: string;
}

/** CAP 1.2 `area`. Vigie's own geocode is the commune INSEE code (valueName `INSEE`). */
export interface CapAreaShape {
  areaDesc: string;
  polygon?: string[];
  circle?: string[];
  geocode?: CapValueShape[];
}

/** CAP 1.2 `info`. `eventCode` holds Vigie's taxonomy code; other tools' codes go in `eventCodes`. */
export interface CapInfoShape {
  language?: string;
  category: AlertCategory[];
  event?: string;
  eventCode: AlertEventCode;
  eventCodes?: CapValueShape[];
  responseType?: string[];
  urgency: AlertUrgency;
  severity: AlertSeverity;
  certainty: AlertCertainty;
  audience?: string;
  effective?: string;
  onset?: string;
  expires?: string;
  senderName?: string;
  headline: string;
  description?: string;
  instruction?: string;
  web?: string;
  contact?: string;
  parameter?: CapValueShape[];
  resource?: CapResourceShape[];
  area?: CapAreaShape[];
}

/** Where it happened: a commune, a postal code naming one commune, or coordinates with the département. */
export interface CapLocationShape {
  commune?: string;
  postalCode?: string;
  coordinates?: { latitude: number; longitude: number };
  department?: string;
}

/**
 * A CAP message as submitted. Vigie sets `sender` and `sent` itself. `location` and `info` are
 * absent only in a Cancel, which keeps the content of the chain it ends.
 */
export interface CapMessageShape {
  identifier?: string;
  status: AlertStatus;
  msgType?: AlertMessageType;
  scope?: AlertScope;
  tlp?: Tlp;
  personalData?: boolean;
  /** Organisation ids (CAP `addresses`). */
  addresses?: string[];
  siteId?: string;
  note?: string;
  /** `sender,identifier,sent` of the earlier messages an Update or a Cancel changes. */
  references?: string[];
  incidents?: string[];
  occurredAt?: string;
  location?: CapLocationShape;
  info?: CapInfoShape[];
}

/**
 * A shape as a document states it, before validation: the same fields, every value still
 * text (a number may have been read as one), so the reader cannot add, drop or rename a field
 * the shape does not have.
 */
export type Unchecked<T> = T extends undefined
  ? undefined
  : T extends readonly (infer Item)[]
    ? Unchecked<Item>[]
    : T extends object
      ? { [K in keyof T]: Unchecked<T[K]> }
      : T extends number
        ? number | string
        : T extends boolean
          ? boolean
          : string;

/** True when A and B declare the same fields, neither more nor fewer. */
export type SameFields<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
  ? true
  : false;

/** Compiles only with `true`: `Assert<SameFields<Dto, Shape>>` fails the build when they drift apart. */
export type Assert<T extends true> = T;
