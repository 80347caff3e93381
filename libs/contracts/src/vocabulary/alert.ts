/** CAP 1.2 `status`. */
export enum AlertStatus {
  Actual = 'Actual',
  Exercise = 'Exercise',
  System = 'System',
  Test = 'Test',
  Draft = 'Draft',
}

/** CAP 1.2 `msgType` values an organisation may submit. */
export enum AlertMessageType {
  Alert = 'Alert',
  Update = 'Update',
  Cancel = 'Cancel',
}

/** CAP 1.2 `scope`. */
export enum AlertScope {
  Public = 'Public',
  Restricted = 'Restricted',
  Private = 'Private',
}

/** CAP 1.2 `category`. */
export enum AlertCategory {
  Geo = 'Geo',
  Met = 'Met',
  Safety = 'Safety',
  Security = 'Security',
  Rescue = 'Rescue',
  Fire = 'Fire',
  Health = 'Health',
  Env = 'Env',
  Transport = 'Transport',
  Infra = 'Infra',
  CBRNE = 'CBRNE',
  Other = 'Other',
}

/** Vigie's event taxonomy, carried in CAP `eventCode` (valueName `vigie`). */
export enum AlertEventCode {
  Intrusion = 'intrusion',
  Theft = 'theft',
  ArmedRobbery = 'armed-robbery',
  Assault = 'assault',
  SuspiciousBehaviour = 'suspicious-behaviour',
  SuspiciousPackage = 'suspicious-package',
  DroneOverflight = 'drone-overflight',
  CrowdDisorder = 'crowd-disorder',
  Fire = 'fire',
  TerroristThreat = 'terrorist-threat',
  CyberIncident = 'cyber-incident',
  Other = 'other',
}

export enum AlertUrgency {
  Immediate = 'Immediate',
  Expected = 'Expected',
  Future = 'Future',
  Past = 'Past',
  Unknown = 'Unknown',
}

export enum AlertSeverity {
  Extreme = 'Extreme',
  Severe = 'Severe',
  Moderate = 'Moderate',
  Minor = 'Minor',
  Unknown = 'Unknown',
}

export enum AlertCertainty {
  Observed = 'Observed',
  Likely = 'Likely',
  Possible = 'Possible',
  Unlikely = 'Unlikely',
  Unknown = 'Unknown',
}

/** Traffic Light Protocol 2.0 labels: how far a piece of information may travel. */
export enum Tlp {
  Clear = 'CLEAR',
  Green = 'GREEN',
  Amber = 'AMBER',
  AmberStrict = 'AMBER+STRICT',
  Red = 'RED',
}

/** The French name of each event code, used as CAP `event` when a submitter gives none. */
export const EVENT_LABELS_FR: Record<AlertEventCode, string> = {
  [AlertEventCode.Intrusion]: 'Intrusion',
  [AlertEventCode.Theft]: 'Vol',
  [AlertEventCode.ArmedRobbery]: 'Vol à main armée',
  [AlertEventCode.Assault]: 'Agression',
  [AlertEventCode.SuspiciousBehaviour]: 'Comportement suspect',
  [AlertEventCode.SuspiciousPackage]: 'Colis suspect',
  [AlertEventCode.DroneOverflight]: 'Survol de drone',
  [AlertEventCode.CrowdDisorder]: 'Troubles dans une foule',
  [AlertEventCode.Fire]: 'Incendie',
  [AlertEventCode.TerroristThreat]: 'Menace terroriste',
  [AlertEventCode.CyberIncident]: 'Incident cyber',
  [AlertEventCode.Other]: 'Autre événement',
};

/** CAP `valueName` of Vigie's event codes and of INSEE commune geocodes. */
export const VIGIE_EVENT_CODE_NAME = 'vigie';
export const INSEE_GEOCODE_NAME = 'INSEE';
