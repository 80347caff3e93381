import type { StateSignInRefusal } from '../../clients/state-identity.client';

/** Why a State sign-in ends on a refusal page rather than on the feed. */
export type StateSignInOutcome = StateSignInRefusal | 'no-account' | 'not-state' | 'not-opened';

export interface RefusalModel {
  status: number;
  title: string;
  message: string;
}

const REFUSALS: Record<StateSignInOutcome, RefusalModel> = {
  expired: {
    status: 400,
    title: 'Connexion refusée',
    message:
      'Cette demande de connexion n’a pas pu être vérifiée : elle a expiré, elle a déjà servi, ou elle ne vient pas de ce navigateur. Recommencez depuis la page de connexion.',
  },
  cancelled: {
    status: 400,
    title: 'Connexion annulée',
    message: 'La connexion avec l’identité de l’État a été annulée ou refusée par le fournisseur d’identité.',
  },
  provider: {
    status: 400,
    title: 'Connexion refusée',
    message:
      'Le fournisseur d’identité n’a pas confirmé cette connexion (preuve de connexion déjà utilisée, destinée à un autre service ou non valide). Recommencez depuis la page de connexion.',
  },
  'no-account': {
    status: 404,
    title: 'Aucun compte Vigie',
    message:
      'Aucun compte Vigie n’est associé à cette identité. Demandez à votre préfecture ou à votre organisation de vous inviter avec cette adresse électronique, puis connectez-vous de nouveau.',
  },
  'not-state': {
    status: 403,
    title: 'Connexion réservée aux agents de l’État',
    message:
      'La connexion avec l’identité de l’État est réservée aux agents des préfectures, des forces de sécurité de l’État et du niveau national. Connectez-vous avec votre adresse électronique et votre mot de passe.',
  },
  'not-opened': {
    status: 401,
    title: 'Connexion refusée',
    message:
      'Vigie n’a pas pu ouvrir de session avec cette identité : le compte ou son organisation n’est pas actif, ou la preuve de connexion n’est pas valable. Recommencez, ou adressez-vous à votre organisation.',
  },
};

export function refusalOf(outcome: StateSignInOutcome): RefusalModel {
  return REFUSALS[outcome];
}

/** The registry's refusal of an ID token, in the console's words; null for what is not a refusal (an outage). */
export function outcomeOfRegistryRefusal(status: number, code: string | undefined): StateSignInOutcome | null {
  if (status === 404 && code === 'no_account') return 'no-account';
  if (status === 403 && code === 'not_state_organisation') return 'not-state';
  if (status === 401 || status === 400) return 'not-opened';
  return null;
}
