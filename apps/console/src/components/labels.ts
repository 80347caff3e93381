import { EVENT_LABELS_FR } from '@vigie/contracts';

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

/** What kind of organisation it is, in words. */
export const ORGANISATION_KIND: Record<string, string> = {
  SECURITY_FIRM: 'Entreprise de sécurité privée',
  SHOPPING_SITE_OPERATOR: 'Exploitant de centre commercial',
  JEWELLER: 'Bijouterie',
  TOBACCONIST: 'Buraliste',
  SOCIAL_LANDLORD: 'Bailleur social',
  PROFESSIONAL_BODY: 'Organisation professionnelle',
  PREFECTURE: 'Préfecture',
  STATE_FORCE: 'Force de l’État',
  NATIONAL_LEVEL: 'Niveau national',
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

/** Vigie's event types (CAP eventCode). */
export const EVENT: Record<string, string> = EVENT_LABELS_FR;

/** The sectors alerts come from (the sender's). */
export const SECTORS: Record<string, string> = {
  PRIVATE_SECURITY: 'Sécurité privée',
  LARGE_RETAIL: 'Grande distribution et centres commerciaux',
  JEWELLERY: 'Bijouterie',
  TOBACCO: 'Buralistes',
  SOCIAL_HOUSING: 'Bailleurs sociaux',
};

/** What a person may do in Vigie (the registry's person roles). */
export const PERSON_ROLE: Record<string, string> = {
  DUTY_OFFICER: 'Permanence : lit, acquitte et signale les alertes',
  ORGANISATION_ADMIN: 'Administration : personnes, clés d’API, abonnements',
  NATIONAL_ANALYST: 'Analyse nationale',
};

export const PERSON_STATUS: Record<string, string> = {
  ACTIVE: 'Actif',
  DISABLED: 'Désactivé',
};

/** What an API key lets a program do. */
export const API_KEY_ROLE: Record<string, string> = {
  publisher: 'Envoyer des alertes',
  subscriber: 'Recevoir des alertes (webhooks, flux)',
  operator: 'Gérer l’organisation (sites, référents, clés, abonnements)',
  admin: 'Administration nationale',
};

export const WEBHOOK_DISABLED: Record<string, string> = {
  'by-organisation': 'désactivé par votre organisation',
  gone: 'désactivé : le serveur a répondu que l’adresse n’existe plus',
  failing: 'désactivé automatiquement après des échecs répétés',
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
