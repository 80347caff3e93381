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

/** The partner registry: person sessions, organisations, sites, referents. */
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
}
