import { Injectable } from '@nestjs/common';
import type { components } from '@vigie/client';
import { ServiceClient } from './service-call';

export type SignedInPerson = components['schemas']['SignedInPersonView'];

export type OpenedSession = components['schemas']['SessionView'];

export type RefreshedAccess = components['schemas']['AccessView'];

export type Organisation = components['schemas']['OrganisationView'];

export type Convention = components['schemas']['ConventionView'];

/** Active members and their sites per convention and département (GET /v1/conventions/coverage). */
export type ConventionCoverage = components['schemas']['CoverageView'];

export type ConventionMember = components['schemas']['MemberView'];

export type Site = components['schemas']['SiteView'];

/** One referent of the département's directory. */
export type DirectoryEntry = components['schemas']['DirectoryEntryView'];

export type CommuneAnswer = components['schemas']['CommuneView'];

export type InvitationSummary = components['schemas']['InvitationLookupView'];

export type Person = components['schemas']['PersonView'];

export type Invitation = components['schemas']['InvitationView'];

export type IssuedInvitation = components['schemas']['IssuedInvitationView'];

export type ApiKey = components['schemas']['ApiKeyView'];

export type IssuedApiKey = components['schemas']['IssuedKeyView'];

export type Subscription = components['schemas']['SubscriptionView'];

/** The console sends every field: its form shows each as chosen. */
export type NewSubscription = Required<components['schemas']['CreateSubscriptionDto']>;

/** `before` and `after` are any object: openapi-typescript writes an object without properties `Record<string, never>`. */
export type AuditEntry = Omit<components['schemas']['AuditEntryView'], 'before' | 'after'> & {
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

export interface AuditQuery {
  kind?: 'change' | 'read';
  organisationId?: string;
  personId?: string;
  entity?: string;
  entityId?: string;
  from?: string;
  to?: string;
  before?: string;
  limit?: string;
}

/** The registry's path of one of an organisation's collections (its people, keys, sites…). */
const organisationPath = (organisationId: string, collection: string): string =>
  `/v1/organizations/${encodeURIComponent(organisationId)}/${collection}`;

/** The partner registry: person sessions, organisations, sites, referents, people, keys, subscriptions, audit. */
@Injectable()
export class RegistryClient extends ServiceClient('partner-registry', 'registry') {
  async openSession(email: string, password: string): Promise<OpenedSession> {
    return (await this.http.call<OpenedSession>('POST', '/v1/sessions', { body: { email, password } })).body;
  }

  /** State sign-in: the registry checks the provider's ID token itself before opening a session. */
  async openStateSession(
    proof: Omit<components['schemas']['StateSignInDto'], 'nonce'>,
    nonce: string,
  ): Promise<OpenedSession> {
    return (await this.http.call<OpenedSession>('POST', '/v1/sessions/federated', { body: { ...proof, nonce } })).body;
  }

  async refreshSession(sessionToken: string): Promise<RefreshedAccess> {
    return (await this.http.call<RefreshedAccess>('POST', '/v1/sessions/refresh', { bearer: sessionToken })).body;
  }

  async closeSession(sessionToken: string): Promise<void> {
    await this.http.call('DELETE', '/v1/sessions/current', { bearer: sessionToken });
  }

  async closeEverySession(accessToken: string): Promise<void> {
    await this.http.call('POST', '/v1/sessions/revoke-all', { bearer: accessToken });
  }

  async lookUpInvitation(token: string): Promise<InvitationSummary> {
    return (await this.http.call<InvitationSummary>('POST', '/v1/invitations/lookup', { body: { token } })).body;
  }

  async acceptInvitation(token: string, password: string): Promise<void> {
    await this.http.call('POST', '/v1/invitations/accept', { body: { token, password } });
  }

  async organisations(bearer: string, query: { department?: string; kind?: string }): Promise<Organisation[]> {
    return (await this.http.call<Organisation[]>('GET', '/v1/organizations', { bearer, query })).body;
  }

  async organisation(bearer: string, id: string): Promise<Organisation> {
    return (await this.http.call<Organisation>('GET', `/v1/organizations/${encodeURIComponent(id)}`, { bearer })).body;
  }

  async changeStatus(
    bearer: string,
    id: string,
    change: 'activate' | 'suspend',
    reason: string,
  ): Promise<Organisation> {
    const path = `/v1/organizations/${encodeURIComponent(id)}/${change}`;
    return (await this.http.call<Organisation>('POST', path, { bearer, body: { reason } })).body;
  }

  /** Communes by name or postal code, closest first (the official INSEE list). */
  async communes(bearer: string, query: string): Promise<CommuneAnswer[]> {
    return (await this.http.call<CommuneAnswer[]>('GET', '/v1/communes', { bearer, query: { q: query, limit: '12' } }))
      .body;
  }

  async conventions(bearer: string): Promise<Convention[]> {
    return (await this.http.call<Convention[]>('GET', '/v1/conventions', { bearer })).body;
  }

  async conventionCoverage(bearer: string): Promise<ConventionCoverage> {
    return (await this.http.call<ConventionCoverage>('GET', '/v1/conventions/coverage', { bearer })).body;
  }

  async conventionMembers(bearer: string, conventionId: string): Promise<ConventionMember[]> {
    const path = `/v1/conventions/${encodeURIComponent(conventionId)}/members`;
    try {
      return (await this.http.call<ConventionMember[]>('GET', path, { bearer })).body;
    } catch (error) {
      // A convention not deployed where the caller works has no members it may see.
      if ((error as { status?: number }).status === 404) return [];
      throw error;
    }
  }

  async sites(bearer: string, organisationId: string): Promise<Site[]> {
    const path = organisationPath(organisationId, 'sites');
    return (await this.http.call<Site[]>('GET', path, { bearer })).body;
  }

  async referentDirectory(bearer: string, department: string): Promise<DirectoryEntry[]> {
    const path = `/v1/departments/${encodeURIComponent(department)}/referents`;
    return (await this.http.call<DirectoryEntry[]>('GET', path, { bearer })).body;
  }

  async people(bearer: string, organisationId: string): Promise<Person[]> {
    const path = organisationPath(organisationId, 'people');
    return (await this.http.call<Person[]>('GET', path, { bearer })).body;
  }

  async invitations(bearer: string, organisationId: string): Promise<Invitation[]> {
    const path = organisationPath(organisationId, 'invitations');
    return (await this.http.call<Invitation[]>('GET', path, { bearer })).body;
  }

  async invite(
    bearer: string,
    organisationId: string,
    person: components['schemas']['InviteDto'],
  ): Promise<IssuedInvitation> {
    const path = organisationPath(organisationId, 'invitations');
    return (await this.http.call<IssuedInvitation>('POST', path, { bearer, body: person })).body;
  }

  async updatePerson(
    bearer: string,
    personId: string,
    change: components['schemas']['UpdatePersonDto'],
  ): Promise<Person> {
    const path = `/v1/people/${encodeURIComponent(personId)}`;
    return (await this.http.call<Person>('PATCH', path, { bearer, body: change })).body;
  }

  async apiKeys(bearer: string, organisationId: string): Promise<ApiKey[]> {
    const path = organisationPath(organisationId, 'api-keys');
    return (await this.http.call<ApiKey[]>('GET', path, { bearer })).body;
  }

  async issueApiKey(
    bearer: string,
    organisationId: string,
    key: components['schemas']['IssueKeyDto'],
  ): Promise<IssuedApiKey> {
    const path = organisationPath(organisationId, 'api-keys');
    return (await this.http.call<IssuedApiKey>('POST', path, { bearer, body: key })).body;
  }

  async revokeApiKey(bearer: string, keyId: string): Promise<void> {
    await this.http.call('DELETE', `/v1/api-keys/${encodeURIComponent(keyId)}`, { bearer });
  }

  async subscriptions(bearer: string, organisationId: string): Promise<Subscription[]> {
    const path = organisationPath(organisationId, 'subscriptions');
    return (await this.http.call<Subscription[]>('GET', path, { bearer })).body;
  }

  async subscribe(bearer: string, organisationId: string, subscription: NewSubscription): Promise<Subscription> {
    const path = organisationPath(organisationId, 'subscriptions');
    return (await this.http.call<Subscription>('POST', path, { bearer, body: subscription })).body;
  }

  async unsubscribe(bearer: string, organisationId: string, subscriptionId: string): Promise<void> {
    const path = `${organisationPath(organisationId, 'subscriptions')}/${encodeURIComponent(subscriptionId)}`;
    await this.http.call('DELETE', path, { bearer });
  }

  /** The audit trail, newest first (administrators and the national level's operators). */
  async audit(bearer: string, query: AuditQuery): Promise<AuditEntry[]> {
    return (await this.http.call<AuditEntry[]>('GET', '/v1/audit', { bearer, query: { ...query } })).body;
  }
}
