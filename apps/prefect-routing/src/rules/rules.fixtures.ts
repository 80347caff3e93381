/* Test data for the rules specs: a small directory spanning Paris, Lyon, Corsica and overseas. */
import {
  AlertCategory,
  AlertCertainty,
  AlertEventCode,
  AlertMessageType,
  AlertScope,
  AlertSeverity,
  AlertStatus,
  AlertUrgency,
  OrganisationKind,
  OrganisationStatus,
  Sector,
  Tlp,
  type AlertSnapshot,
  type ConventionMembershipState,
} from '@vigie/contracts';
import type { DirectoryEntry } from './directory-entry';

export const SECURITY_CONVENTION: ConventionMembershipState = {
  conventionId: 'conv-securite-privee',
  sector: Sector.PrivateSecurity,
  departments: ['69', '75', '93', '2A', '971'],
};
export const RETAIL_CONVENTION: ConventionMembershipState = {
  conventionId: 'conv-grande-distribution',
  sector: Sector.LargeRetail,
  departments: ['69', '93', '2B', '976'],
};

type Subscription = DirectoryEntry['subscriptions'][number];
export const subscription = (overrides: Partial<Subscription> = {}): Subscription => ({
  id: 'sub',
  departments: ['69'],
  eventCodes: [],
  minimumSeverity: AlertSeverity.Minor,
  sectors: [],
  includeExercises: false,
  ...overrides,
});

const org = (id: string, name: string, kind: OrganisationKind, rest: Partial<DirectoryEntry> = {}): DirectoryEntry => ({
  id,
  name,
  kind,
  status: OrganisationStatus.Active,
  departments: [],
  sector: null,
  conventions: [],
  subscriptions: [],
  ...rest,
});
const prefecture = (id: string, name: string, departments: string[]) =>
  org(id, name, OrganisationKind.Prefecture, { departments });
const firm = (id: string, name: string, rest: Partial<DirectoryEntry>) =>
  org(id, name, OrganisationKind.SecurityFirm, { sector: Sector.PrivateSecurity, departments: ['69'], ...rest });

export const ORGS = {
  pp: prefecture('pp', 'Préfecture de police', ['75', '92', '93', '94']),
  p92: prefecture('p92', 'Préfecture des Hauts-de-Seine', []),
  p93: prefecture('p93', 'Préfecture de la Seine-Saint-Denis', []),
  p94: prefecture('p94', 'Préfecture du Val-de-Marne', []),
  p69: prefecture('p69', 'Préfecture du Rhône', ['69']),
  p2A: prefecture('p2A', 'Préfecture de Corse-du-Sud', ['2A']),
  p2B: prefecture('p2B', 'Préfecture de Haute-Corse', ['2B']),
  p971: prefecture('p971', 'Préfecture de la Guadeloupe', ['971']),
  p976: prefecture('p976', 'Préfecture de Mayotte', ['976']),
  national: org('dcs', 'Délégué aux coopérations de sécurité', OrganisationKind.NationalLevel),
  gendarmerie: org('gn69', 'Groupement de gendarmerie du Rhône', OrganisationKind.StateForce, {
    departments: ['69'],
    subscriptions: [subscription({ id: 'sub-gn69' })],
  }),
  sender: firm('firm-a', 'Alpha Sécurité', {
    conventions: [SECURITY_CONVENTION],
    subscriptions: [subscription({ id: 'sub-a' })],
  }),
  colleague: firm('firm-b', 'Bravo Gardiennage', {
    conventions: [SECURITY_CONVENTION],
    subscriptions: [subscription({ id: 'sub-b', eventCodes: [AlertEventCode.Intrusion] })],
  }),
  mall: org('mall', 'Centre commercial Part-Dieu', OrganisationKind.ShoppingSiteOperator, {
    sector: Sector.LargeRetail,
    departments: ['69', '93'],
    conventions: [RETAIL_CONVENTION],
    subscriptions: [subscription({ id: 'sub-mall' })],
  }),
  outsider: org('jeweller', 'Bijouterie hors convention', OrganisationKind.Jeweller, {
    sector: Sector.Jewellery,
    departments: ['69'],
    subscriptions: [subscription({ id: 'sub-jeweller' })],
  }),
  picky: firm('firm-c', 'Charlie Sûreté', {
    conventions: [SECURITY_CONVENTION],
    subscriptions: [subscription({ id: 'sub-c', minimumSeverity: AlertSeverity.Severe })],
  }),
  suspended: firm('firm-d', 'Delta Protection', {
    status: OrganisationStatus.Suspended,
    conventions: [SECURITY_CONVENTION],
    subscriptions: [subscription({ id: 'sub-d' })],
  }),
  drills: firm('firm-e', 'Echo Surveillance', {
    conventions: [SECURITY_CONVENTION],
    subscriptions: [subscription({ id: 'sub-e', includeExercises: true })],
  }),
} satisfies Record<string, DirectoryEntry>;

export const DIRECTORY: DirectoryEntry[] = Object.values(ORGS);

export interface AlertShape {
  department?: string;
  communeName?: string | null;
  tlp?: Tlp;
  status?: AlertStatus;
  severity?: AlertSeverity;
  eventCode?: AlertEventCode;
  senderId?: string;
  personalData?: boolean;
}

export function alert(shape: AlertShape = {}): AlertSnapshot {
  const eventCode = shape.eventCode ?? AlertEventCode.Intrusion;
  return {
    alertId: '0192f0c4-0000-7000-8000-000000000001',
    originalAlertId: '0192f0c4-0000-7000-8000-000000000001',
    identifier: 'a-1',
    sender: 'vigie:organisation:firm-a',
    senderOrganisationId: shape.senderId ?? ORGS.sender.id,
    sent: '2026-11-28T00:00:00.000Z',
    occurredAt: '2026-11-28T00:00:00.000Z',
    status: shape.status ?? AlertStatus.Actual,
    msgType: AlertMessageType.Alert,
    scope: AlertScope.Restricted,
    references: [],
    incidents: [],
    tlp: shape.tlp ?? Tlp.Green,
    personalData: shape.personalData ?? false,
    location: { commune: null, communeName: shape.communeName ?? null, department: shape.department ?? '69' },
    info: [
      {
        language: 'fr-FR',
        category: [AlertCategory.Security],
        event: eventCode,
        eventCode,
        eventCodes: [],
        responseType: [],
        urgency: AlertUrgency.Immediate,
        severity: shape.severity ?? AlertSeverity.Moderate,
        certainty: AlertCertainty.Observed,
        headline: 'Incident',
        parameter: [],
        resource: [],
        area: [],
      },
    ],
  };
}
