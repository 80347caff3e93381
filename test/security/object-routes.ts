/**
 * Object-level authorisation cases: for every route that names an object in its path, what
 * another organisation tries with it. A route with a path parameter must be here or in
 * ROUTES_NOT_OWNED_BY_AN_ORGANISATION; the suite fails on a route found in no table, so a new
 * route cannot go untested.
 */

/** The victim's records (organisation B), and the attacker's own (organisation A). */
export interface Targets {
  victim: {
    organisationId: string;
    conventionId: string;
    siteId: string;
    referentId: string;
    apiKeyId: string;
    webhookId: string;
    subscriptionId: string;
    /** A person of B (invited and signed up). */
    personId: string;
    /** An alert B sent (Severe, so that its escalation is armed). */
    alertId: string;
    /** An alert routed to B (sent by a third organisation). */
    receivedAlertId: string;
    /** A broadcast B received from its prefecture. */
    broadcastId: string;
  };
  /** A routing rule of the victim's prefecture. */
  victimPrefectureRuleId: string;
  attacker: { organisationId: string; conventionId: string };
  /** The département the victim operates in; the attacker does not. */
  victimDepartment: string;
  /** A valid alert body, for routes that take one. */
  alert: Record<string, unknown>;
}

export interface Attempt {
  params: Record<string, string>;
  body?: unknown;
}

type Cases = (targets: Targets) => Attempt[];

const onVictim =
  (param: keyof Targets['victim'], body?: (targets: Targets) => unknown): Cases =>
  (targets) => [{ params: { id: targets.victim[param] }, body: body?.(targets) }];

export const OBJECT_ROUTES: Record<string, Cases> = {
  // organisations and their standing
  'GET /v1/organizations/{id}': onVictim('organisationId'),
  'POST /v1/organizations/{id}/activate': onVictim('organisationId', () => ({ reason: 'takeover' })),
  'POST /v1/organizations/{id}/suspend': onVictim('organisationId', () => ({ reason: 'takeover' })),
  'POST /v1/organizations/{id}/revoke': onVictim('organisationId', () => ({ reason: 'takeover' })),
  // keys
  'POST /v1/organizations/{id}/api-keys': onVictim('organisationId', () => ({ roles: ['publisher'] })),
  'GET /v1/organizations/{id}/api-keys': onVictim('organisationId'),
  'POST /v1/api-keys/{id}/rotate': onVictim('apiKeyId', () => ({ graceSeconds: 0 })),
  'DELETE /v1/api-keys/{id}': onVictim('apiKeyId'),
  // people
  'POST /v1/organizations/{id}/invitations': onVictim('organisationId', () => ({
    email: 'intrus@example.fr',
    fullName: 'Intrus',
    roles: ['ORGANISATION_ADMIN'],
  })),
  'GET /v1/organizations/{id}/invitations': onVictim('organisationId'),
  'GET /v1/organizations/{id}/people': onVictim('organisationId'),
  'PATCH /v1/people/{id}': onVictim('personId', () => ({ status: 'DISABLED' })),
  // convention membership of others
  'GET /v1/conventions/{id}/members': onVictim('conventionId'),
  'DELETE /v1/conventions/{id}/members/{organisationId}': ({ victim, attacker }) => [
    { params: { id: victim.conventionId, organisationId: victim.organisationId } },
    { params: { id: attacker.conventionId, organisationId: victim.organisationId } },
  ],
  // referents
  'POST /v1/organizations/{id}/referents': onVictim('organisationId', ({ victimDepartment }) => ({
    department: victimDepartment,
    role: 'PRIMARY',
    fullName: 'Usurpateur',
    email: 'usurpateur@example.fr',
    phone: '+33 5 55 00 00 00',
  })),
  'GET /v1/organizations/{id}/referents': onVictim('organisationId'),
  'PATCH /v1/referents/{id}': onVictim('referentId', () => ({ fullName: 'Usurpateur' })),
  'DELETE /v1/referents/{id}': onVictim('referentId'),
  // sites
  'POST /v1/organizations/{id}/sites': onVictim('organisationId', () => ({
    name: 'Site usurpé',
    kind: 'JEWELLERY_SHOP',
    commune: '23096',
  })),
  'GET /v1/organizations/{id}/sites': onVictim('organisationId'),
  'GET /v1/sites/{id}': onVictim('siteId'),
  'PATCH /v1/sites/{id}': onVictim('siteId', () => ({ name: 'Site usurpé' })),
  'DELETE /v1/sites/{id}': onVictim('siteId'),
  // subscriptions: the victim's, and the victim's named under the attacker's own organisation
  'POST /v1/organizations/{id}/subscriptions': onVictim('organisationId', ({ victimDepartment }) => ({
    departments: [victimDepartment],
  })),
  'GET /v1/organizations/{id}/subscriptions': onVictim('organisationId'),
  'DELETE /v1/organizations/{id}/subscriptions/{subscriptionId}': ({ victim, attacker }) => [
    { params: { id: victim.organisationId, subscriptionId: victim.subscriptionId } },
    { params: { id: attacker.organisationId, subscriptionId: victim.subscriptionId } },
  ],
  // alerts: one the victim sent, one routed to the victim
  'GET /v1/alerts/{id}': ({ victim }) => [
    { params: { id: victim.alertId } },
    { params: { id: victim.receivedAlertId } },
  ],
  'GET /v1/alerts/{id}/history': onVictim('alertId'),
  'POST /v1/alerts/{id}/updates': onVictim('alertId', ({ alert }) => alert),
  'POST /v1/alerts/{id}/cancel': onVictim('alertId', () => ({ note: 'annulée par un tiers' })),
  // (the decision on an alert is the sender's and its State recipients')
  'GET /v1/alerts/{id}/routing': onVictim('alertId'),
  // acknowledgements and escalation (the victim's alert is Severe: its escalation is armed)
  'POST /v1/alerts/{id}/acknowledgements': ({ victim }) => [
    { params: { id: victim.receivedAlertId } },
    { params: { id: victim.alertId } },
  ],
  'GET /v1/alerts/{id}/acknowledgements': ({ victim }) => [
    { params: { id: victim.receivedAlertId } },
    { params: { id: victim.alertId } },
  ],
  'GET /v1/alerts/{id}/escalation': onVictim('alertId'),
  'GET /v1/alerts/{id}/chain': ({ victim }) => [
    { params: { id: victim.receivedAlertId } },
    { params: { id: victim.alertId } },
  ],
  // webhooks
  'DELETE /v1/webhooks/{id}': onVictim('webhookId'),
  'POST /v1/webhooks/{id}/disable': onVictim('webhookId'),
  'POST /v1/webhooks/{id}/enable': onVictim('webhookId'),
  'POST /v1/webhooks/{id}/secret': onVictim('webhookId', () => ({ overlapSeconds: 0 })),
  'POST /v1/webhooks/{id}/test': onVictim('webhookId'),
  'GET /v1/webhooks/{id}/deliveries': onVictim('webhookId'),
  'POST /v1/webhooks/{id}/redeliveries': onVictim('webhookId', () => ({ since: '2020-01-01T00:00:00Z' })),
  // The victim's webhook with any delivery id (the webhook alone is not the attacker's).
  'POST /v1/webhooks/{id}/deliveries/{deliveryId}/redeliver': ({ victim }) => [
    { params: { id: victim.webhookId, deliveryId: '00000000-0000-4000-8000-000000000000' } },
  ],
  // broadcasts: one the victim received, never addressed to the attacker
  'GET /v1/broadcasts/{id}': onVictim('broadcastId'),
  'GET /v1/received-broadcasts/{id}': onVictim('broadcastId'),
  'GET /v1/broadcasts/{id}/acknowledgements': onVictim('broadcastId'),
  'POST /v1/broadcasts/{id}/acknowledgements': onVictim('broadcastId', () => ({})),
};

/**
 * Routes whose path names something no organisation owns (reference data, a département's
 * scoped views): who may call them is a matter of role or competence (the privilege cases);
 * their answers are still searched for the victim's records, with these parameters.
 */
export const ROUTES_NOT_OWNED_BY_AN_ORGANISATION: Record<string, (targets: Targets) => Record<string, string>> = {
  'GET /v1/departments/{code}': ({ victimDepartment }) => ({ code: victimDepartment }),
  'GET /v1/departments/{code}/referents': ({ victimDepartment }) => ({ code: victimDepartment }),
  'GET /v1/departments/{code}/compliance': ({ victimDepartment }) => ({ code: victimDepartment }),
  'GET /v1/conventions/{id}': ({ victim }) => ({ id: victim.conventionId }),
  'POST /v1/conventions/{id}/members': ({ victim }) => ({ id: victim.conventionId }),
  'GET /v1/routing/rules/{id}': ({ victimPrefectureRuleId }) => ({ id: victimPrefectureRuleId }),
  'PUT /v1/routing/rules/{id}': ({ victimPrefectureRuleId }) => ({ id: victimPrefectureRuleId }),
  'DELETE /v1/routing/rules/{id}': ({ victimPrefectureRuleId }) => ({ id: victimPrefectureRuleId }),
  // The signed link is the credential (a forged one is not found).
  'GET /v1/acknowledgement-links/{token}': () => ({ token: 'eyJhIjoiZm9yZ2VkIn0.forged' }),
  'POST /v1/acknowledgement-links/{token}': () => ({ token: 'eyJhIjoiZm9yZ2VkIn0.forged' }),
};

/** Query strings for list routes, pointed at the victim where the route allows a filter. */
export const LIST_QUERIES: Record<string, (targets: Targets) => string> = {
  'GET /v1/organizations': ({ victimDepartment }) => `?department=${victimDepartment}`,
  'GET /v1/alerts': ({ victimDepartment }) => `?department=${victimDepartment}`,
  'GET /v1/deliveries': ({ victim }) => `?alertId=${victim.receivedAlertId}`,
  'GET /v1/alert-states': ({ victim }) => `?ids=${victim.alertId},${victim.receivedAlertId}`,
  'GET /v1/broadcast-acknowledgements': ({ victim }) => `?ids=${victim.broadcastId}`,
  'GET /v1/audit': ({ victim }) => `?organisationId=${victim.organisationId}`,
  // Counts and the rules test bench: State organisations only (403 for a partner).
  'GET /v1/conventions/coverage': ({ victimDepartment }) => `?department=${victimDepartment}`,
  'GET /v1/routing/preview/senders': ({ victimDepartment }) => `?department=${victimDepartment}`,
  // Reference data: the official commune list, nothing of any organisation.
  'GET /v1/communes': () => '?q=saint',
};
