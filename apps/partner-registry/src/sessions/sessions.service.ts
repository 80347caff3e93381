import { randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import type { Caller, PersonClaims } from '@vigie/access';
import { callerForPerson } from '@vigie/access';
import { OrganisationStatus } from '@vigie/contracts';
import { DomainError, UnauthenticatedError } from '@vigie/platform';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config';
import { hashOpaqueToken, isOpaqueToken, newOpaqueToken } from '../people/opaque-token';
import type { AccessView, SessionView } from '../people/people.dto';
import { ACCESS_TOKEN_SECONDS, PersonTokenSigner } from '../people/person-token.signer';
import { afterFailure, apiRolesOf, mayUseStateSignIn, sessionAlive } from '../people/person.policy';
import { claimFederatedSignIn } from './federated-sign-ins.queries';
import {
  accountByEmail,
  insertSession,
  openSessionOrganisation,
  recordFailedSignIn,
  recordSignIn,
  revokeSessionByTokenHash,
  revokeSessionsOf,
  sessionByTokenHash,
  touchSession,
  type Account,
  type AccountSession,
} from './person-sessions.queries';
import type { StateIdentity } from './state-identity';
import { StateIdentityVerifier } from './state-identity.verifier';

const badCredentials = (): UnauthenticatedError => new UnauthenticatedError('wrong e-mail or password');

/** Sign-in, sessions kept server-side, and the short-lived access tokens they yield. */
@Injectable()
export class SessionsService {
  /** Verified against on an unknown e-mail too, so that timing does not tell which e-mails have accounts. */
  private readonly decoyHash = hash(randomUUID());

  constructor(
    private readonly dataSource: DataSource,
    private readonly signer: PersonTokenSigner,
    private readonly stateIdentity: StateIdentityVerifier,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
  ) {}

  async signIn(email: string, password: string): Promise<SessionView> {
    const now = new Date();
    const row = await accountByEmail(this.dataSource.manager, email);
    if (row?.lockedUntil && row.lockedUntil > now) {
      throw new DomainError(
        'locked',
        `too many wrong passwords: the account is locked until ${row.lockedUntil.toISOString()}`,
        HttpStatus.LOCKED,
        { lockedUntil: row.lockedUntil.toISOString() },
      );
    }
    const matches = await verify(row?.passwordHash ?? (await this.decoyHash), password).catch(() => false);
    if (!row || !matches) {
      if (row) await this.recordFailure(row, now);
      throw badCredentials();
    }
    this.checkActive(row);
    return this.openSession(row, now, null);
  }

  /**
   * State sign-in: the ID token the console received from the State's identity provider, checked
   * here against the provider's keys, opens a session for the person with its e-mail address, if
   * that person belongs to a State organisation. Each ID token opens one session at most.
   */
  async signInWithStateIdentity(idToken: string, nonce: string, userinfo?: string): Promise<SessionView> {
    const identity = await this.stateIdentity.verify(idToken, nonce, userinfo);
    const row = await accountByEmail(this.dataSource.manager, identity.email);
    if (!row) {
      throw new DomainError('no_account', 'no person account has this e-mail address', HttpStatus.NOT_FOUND);
    }
    this.checkActive(row);
    if (!mayUseStateSignIn(row.kind)) {
      throw new DomainError(
        'not_state_organisation',
        'State sign-in is for people of prefectures, State forces and the national level',
        HttpStatus.FORBIDDEN,
      );
    }
    return this.openSession(row, new Date(), identity);
  }

  async refresh(sessionToken: string): Promise<AccessView> {
    const row = await this.liveSession(sessionToken);
    await touchSession(this.dataSource.manager, row.sessionId);
    return this.access(row, row.sessionId);
  }

  async signOut(sessionToken: string): Promise<void> {
    if (!isOpaqueToken('vgs', sessionToken)) throw new UnauthenticatedError('unknown session');
    await revokeSessionByTokenHash(this.dataSource.manager, hashOpaqueToken(sessionToken));
  }

  /** Signs the person out of every device. */
  async signOutEverywhere(caller: Caller): Promise<void> {
    if (!caller.person) throw new UnauthenticatedError('only a person signs out everywhere');
    await revokeSessionsOf(this.dataSource.manager, caller.person.id);
  }

  /** The registry's own check of a person token: its session must still be open right now. */
  async callerOf(claims: PersonClaims): Promise<Caller> {
    const row = await openSessionOrganisation(this.dataSource.manager, claims);
    if (!row) throw new UnauthenticatedError('the session has ended');
    return callerForPerson(row, claims);
  }

  private async liveSession(sessionToken: string): Promise<AccountSession> {
    if (!isOpaqueToken('vgs', sessionToken)) throw new UnauthenticatedError('unknown session');
    const row = await sessionByTokenHash(this.dataSource.manager, hashOpaqueToken(sessionToken));
    if (!row) throw new UnauthenticatedError('unknown session');
    if (!sessionAlive(row, this.config.sessions, new Date())) {
      throw new UnauthenticatedError('the session has ended: sign in again');
    }
    this.checkActive(row);
    return row;
  }

  /** A new session row (and its first access token); a State sign-in's ID token is claimed in the same transaction. */
  private async openSession(row: Account, now: Date, identity: StateIdentity | null): Promise<SessionView> {
    const session = newOpaqueToken('vgs');
    await this.dataSource.transaction(async (manager) => {
      if (
        identity &&
        !(await claimFederatedSignIn(manager, {
          tokenDigest: identity.tokenDigest,
          personId: row.id,
          expiresAt: identity.expiresAt,
        }))
      ) {
        throw new UnauthenticatedError('this ID token has already opened a session');
      }
      await recordSignIn(manager, row.id);
      await insertSession(manager, {
        id: session.id,
        personId: row.id,
        tokenHash: session.hash,
        expiresAt: new Date(now.getTime() + this.config.sessions.absoluteSeconds * 1000),
      });
    });
    return { sessionToken: session.token, ...(await this.access(row, session.id)) };
  }

  private checkActive(row: Account): void {
    if (row.status !== 'ACTIVE') throw new UnauthenticatedError('this account is disabled');
    if (row.organisationStatus !== OrganisationStatus.Active) {
      throw new UnauthenticatedError(`the organisation is ${row.organisationStatus.toLowerCase()}`);
    }
  }

  private async recordFailure(row: Account, now: Date): Promise<void> {
    await recordFailedSignIn(this.dataSource.manager, row.id, afterFailure(row.failedLogins, this.config.lockout, now));
  }

  private async access(row: Account, sessionId: string): Promise<AccessView> {
    const accessToken = await this.signer.sign({
      personId: row.id,
      name: row.fullName,
      organisationId: row.organisationId,
      roles: apiRolesOf(row.roles, row.kind),
      sessionId,
    });
    return {
      accessToken,
      accessTokenExpiresAt: new Date(Date.now() + ACCESS_TOKEN_SECONDS * 1000).toISOString(),
      person: {
        id: row.id,
        email: row.email,
        fullName: row.fullName,
        roles: row.roles,
        organisationId: row.organisationId,
        organisationName: row.organisationName,
        organisationKind: row.kind,
        departments: row.departments,
      },
    };
  }
}
