import { Inject, Injectable } from '@nestjs/common';
import { CONSOLE_CONFIG, type ConsoleConfig } from '../config';
import { ServiceHttp } from './service-call';

export interface SignedInPerson {
  id: string;
  email: string;
  fullName: string;
  roles: string[];
  organisationId: string;
  organisationName: string;
  organisationKind: string;
  departments: string[];
}

export interface OpenedSession {
  sessionToken: string;
  accessToken: string;
  accessTokenExpiresAt: string;
  person: SignedInPerson;
}

export type RefreshedAccess = Omit<OpenedSession, 'sessionToken'>;

export interface Organisation {
  id: string;
  kind: string;
  name: string;
  status: string;
  departments: string[];
  sector: string | null;
  statusChangedAt: string;
  statusReason: string | null;
}

export interface Convention {
  id: string;
  code: string;
  name: string;
}

/** Active members and their sites per convention and département (GET /v1/conventions/coverage). */
export interface ConventionCoverage {
  /** The départements counted: null for every one. */
  departments: string[] | null;
  conventions: {
    id: string;
    code: string;
    name: string;
    status: string;
    members: number;
    sites: number;
    departments: { department: string; members: number; sites: number }[];
  }[];
}

export interface Site {
  id: string;
  organisationId: string;
  name: string;
  kind: string;
  commune: string;
  communeName: string | null;
  department: string;
  securityPlan: { status: string; version: string | null; date: string | null };
  crisisCoordinatorId: string | null;
  missing: string[];
}

/** One referent of the département's directory. */
export interface DirectoryEntry {
  id: string;
  organisation: { id: string; name: string; kind: string };
  conventions: string[];
  role: string;
  fullName: string;
  email: string;
  phone: string;
}

export interface CommuneAnswer {
  code: string;
  name: string;
  department: string;
  departmentName: string;
  postalCodes: string[];
}

export interface InvitationSummary {
  email: string;
  fullName: string;
  organisationName: string;
  expiresAt: string;
}

export interface Person {
  id: string;
  email: string;
  fullName: string;
  roles: string[];
  status: string;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface Invitation {
  id: string;
  email: string;
  fullName: string;
  roles: string[];
  createdAt: string;
  expiresAt: string;
}

export interface IssuedInvitation extends Invitation {
  /** The one-time link's token: in this answer only. */
  token: string;
}

export interface ApiKey {
  id: string;
  organisationId: string;
  roles: string[];
  label: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  replacesKeyId: string | null;
}

export interface IssuedApiKey extends ApiKey {
  /** The key itself: in this answer only. */
  key: string;
}

export interface Subscription {
  id: string;
  organisationId: string;
  departments: string[];
  eventCodes: string[];
  minimumSeverity: string;
  sectors: string[];
  includeExercises: boolean;
  createdAt: string;
}

export type NewSubscription = Pick<
  Subscription,
  'departments' | 'eventCodes' | 'minimumSeverity' | 'sectors' | 'includeExercises'
>;

export interface AuditEntry {
  id: number;
  at: string;
  /** A change of the registry, or a read (ADR 42). */
  kind: 'change' | 'read';
  actor: string;
  personId: string | null;
  action: string;
  entity: string;
  entityId: string;
  organisationId: string | null;
  organisationName: string | null;
  before: unknown;
  after: unknown;
}

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

/** The partner registry: person sessions, organisations, sites, referents, people, keys, subscriptions, audit. */
@Injectable()
export class RegistryClient {
  private readonly http: ServiceHttp;

  constructor(@Inject(CONSOLE_CONFIG) config: ConsoleConfig) {
    this.http = new ServiceHttp('partner-registry', config.services.registry);
  }

  async openSession(email: string, password: string): Promise<OpenedSession> {
    return (await this.http.call<OpenedSession>('POST', '/v1/sessions', { body: { email, password } })).body;
  }

  /** State sign-in: the registry checks the provider's ID token itself before opening a session. */
  async openStateSession(proof: { idToken: string; userinfo?: string }, nonce: string): Promise<OpenedSession> {
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

  async conventionMembers(bearer: string, conventionId: string): Promise<{ organisationId: string; name: string }[]> {
    const path = `/v1/conventions/${encodeURIComponent(conventionId)}/members`;
    try {
      return (await this.http.call<{ organisationId: string; name: string }[]>('GET', path, { bearer })).body;
    } catch (error) {
      // A convention not deployed where the caller works has no members it may see.
      if ((error as { status?: number }).status === 404) return [];
      throw error;
    }
  }

  async sites(bearer: string, organisationId: string): Promise<Site[]> {
    const path = `/v1/organizations/${encodeURIComponent(organisationId)}/sites`;
    return (await this.http.call<Site[]>('GET', path, { bearer })).body;
  }

  async referentDirectory(bearer: string, department: string): Promise<DirectoryEntry[]> {
    const path = `/v1/departments/${encodeURIComponent(department)}/referents`;
    return (await this.http.call<DirectoryEntry[]>('GET', path, { bearer })).body;
  }

  async people(bearer: string, organisationId: string): Promise<Person[]> {
    const path = `/v1/organizations/${encodeURIComponent(organisationId)}/people`;
    return (await this.http.call<Person[]>('GET', path, { bearer })).body;
  }

  async invitations(bearer: string, organisationId: string): Promise<Invitation[]> {
    const path = `/v1/organizations/${encodeURIComponent(organisationId)}/invitations`;
    return (await this.http.call<Invitation[]>('GET', path, { bearer })).body;
  }

  async invite(
    bearer: string,
    organisationId: string,
    person: { email: string; fullName: string; roles: string[] },
  ): Promise<IssuedInvitation> {
    const path = `/v1/organizations/${encodeURIComponent(organisationId)}/invitations`;
    return (await this.http.call<IssuedInvitation>('POST', path, { bearer, body: person })).body;
  }

  async updatePerson(
    bearer: string,
    personId: string,
    change: { roles?: string[]; status?: 'ACTIVE' | 'DISABLED' },
  ): Promise<Person> {
    const path = `/v1/people/${encodeURIComponent(personId)}`;
    return (await this.http.call<Person>('PATCH', path, { bearer, body: change })).body;
  }

  async apiKeys(bearer: string, organisationId: string): Promise<ApiKey[]> {
    const path = `/v1/organizations/${encodeURIComponent(organisationId)}/api-keys`;
    return (await this.http.call<ApiKey[]>('GET', path, { bearer })).body;
  }

  async issueApiKey(
    bearer: string,
    organisationId: string,
    key: { roles: string[]; label?: string },
  ): Promise<IssuedApiKey> {
    const path = `/v1/organizations/${encodeURIComponent(organisationId)}/api-keys`;
    return (await this.http.call<IssuedApiKey>('POST', path, { bearer, body: key })).body;
  }

  async revokeApiKey(bearer: string, keyId: string): Promise<void> {
    await this.http.call('DELETE', `/v1/api-keys/${encodeURIComponent(keyId)}`, { bearer });
  }

  async subscriptions(bearer: string, organisationId: string): Promise<Subscription[]> {
    const path = `/v1/organizations/${encodeURIComponent(organisationId)}/subscriptions`;
    return (await this.http.call<Subscription[]>('GET', path, { bearer })).body;
  }

  async subscribe(bearer: string, organisationId: string, subscription: NewSubscription): Promise<Subscription> {
    const path = `/v1/organizations/${encodeURIComponent(organisationId)}/subscriptions`;
    return (await this.http.call<Subscription>('POST', path, { bearer, body: subscription })).body;
  }

  async unsubscribe(bearer: string, organisationId: string, subscriptionId: string): Promise<void> {
    const path = `/v1/organizations/${encodeURIComponent(organisationId)}/subscriptions/${encodeURIComponent(subscriptionId)}`;
    await this.http.call('DELETE', path, { bearer });
  }

  /** The audit trail, newest first (administrators and the national level's operators). */
  async audit(bearer: string, query: AuditQuery): Promise<AuditEntry[]> {
    return (await this.http.call<AuditEntry[]>('GET', '/v1/audit', { bearer, query: { ...query } })).body;
  }
}
