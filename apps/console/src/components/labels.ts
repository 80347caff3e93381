/** Plain French words for the CAP and Vigie vocabulary, shown everywhere in the console. */
export const SEVERITY: Record<string, string> = {
  Extreme: 'Extrême',
  Severe: 'Grave',
  Moderate: 'Modérée',
  Minor: 'Mineure',
  Unknown: 'Inconnue',
};

export const URGENCY: Record<string, string> = {
  Immediate: 'Immédiate',
  Expected: 'Attendue',
  Future: 'À venir',
  Past: 'Passée',
  Unknown: 'Inconnue',
};

export const CERTAINTY: Record<string, string> = {
  Observed: 'Constaté',
  Likely: 'Probable',
  Possible: 'Possible',
  Unlikely: 'Peu probable',
  Unknown: 'Inconnue',
};

export const STATUS: Record<string, string> = {
  Actual: 'Réel',
  Exercise: 'EXERCICE',
  System: 'Message système',
  Test: 'Test technique',
  Draft: 'Brouillon',
};

export const MESSAGE_TYPE: Record<string, string> = {
  Alert: 'Alerte initiale',
  Update: 'Mise à jour',
  Cancel: 'Annulation',
};

export const SCOPE: Record<string, string> = {
  Public: 'Publique',
  Restricted: 'Restreinte',
  Private: 'Destinataires nommés',
};

/** Each TLP label, its plain name and the one line that says who may read it. */
export const TLP: Record<string, { name: string; explanation: string }> = {
  CLEAR: { name: 'Diffusion libre (TLP:CLEAR)', explanation: 'Peut être diffusée sans restriction.' },
  GREEN: {
    name: 'Diffusion communautaire (TLP:GREEN)',
    explanation: 'Peut circuler entre partenaires du dispositif, jamais publiquement.',
  },
  AMBER: {
    name: 'Diffusion restreinte (TLP:AMBER)',
    explanation: 'Réservée à votre organisation et à ceux qui, chez vos prestataires, doivent la connaître.',
  },
  'AMBER+STRICT': {
    name: 'Diffusion restreinte stricte (TLP:AMBER+STRICT)',
    explanation: 'Réservée à votre seule organisation.',
  },
  RED: {
    name: 'Diffusion nominative (TLP:RED)',
    explanation: 'Réservée aux seules personnes destinataires, à ne pas transmettre.',
  },
};

export const DELIVERY_STATUS: Record<string, string> = {
  pending: 'En attente',
  failed: 'Nouvel essai prévu',
  sent: 'Remise',
  dead: 'Abandonnée',
};

export const CHANNEL: Record<string, string> = {
  webhook: 'Webhook',
  email: 'Courriel',
  api: 'API',
  console: 'Console',
};

export const ESCALATION: Record<string, string> = {
  armed: 'Délai d’acquittement en cours',
  cancelled: 'Escalade close',
  completed: 'Escaladée au niveau national',
  deputy: 'Référent suppléant alerté',
  national: 'Niveau national alerté',
};

export const ORGANISATION_STATUS: Record<string, string> = {
  PENDING: 'En attente',
  ACTIVE: 'Active',
  SUSPENDED: 'Suspendue',
  REVOKED: 'Révoquée',
};

export const SECURITY_PLAN: Record<string, string> = {
  NONE: 'Aucun',
  DRAFT: 'En préparation',
  SUBMITTED: 'Déposé',
  APPROVED: 'Approuvé',
  EXPIRED: 'Périmé',
};

export function label(table: Record<string, string>, value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return table[value] ?? value;
}

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'short',
  timeStyle: 'medium',
  timeZone: 'Europe/Paris',
});

/** A timestamp as a duty officer reads it (Paris time). */
export function frenchDateTime(iso: string | null | undefined): string {
  return iso ? DATE_TIME.format(new Date(iso)) : '—';
}
