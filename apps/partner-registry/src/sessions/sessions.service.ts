import { randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller, PersonClaims, PersonOrganisationRow } from '@vigie/access';
import { callerForPerson } from '@vigie/access';
import type { OrganisationKind, PersonRole } from '@vigie/contracts';
import { OrganisationStatus } from '@vigie/contracts';
import { DomainError, UnauthenticatedError } from '@vigie/platform';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config';
import { hashOpaqueToken, isOpaqueToken, newOpaqueToken } from '../people/opaque-token';
import type { AccessView, SessionView } from '../people/people.dto';
import { ACCESS_TOKEN_SECONDS, PersonTokenSigner } from '../people/person-token.signer';
import { afterFailure, apiRolesOf, mayUseStateSignIn, sessionAlive } from '../people/person.policy';
import { claimFederatedSignIn } from './federated-sign-ins.queries';
import type { StateIdentity } from './state-identity';
import { StateIdentityVerifier } from './state-identity.verifier';

interface SignInRow {
  id: string;
  email: string;
  full_name: string;
  roles: PersonRole[];
  status: string;
  password_hash: string;
  failed_logins: number;
  locked_until: Date | null;
  organisation_id: string;
  organisation_name: string;
  kind: OrganisationKind;
  organisation_status: OrganisationStatus;
  departments: string[];
}

interface SessionRow extends SignInRow {
  session_id: string;
  created_at: Date;
  last_seen_at: Date;
  revoked_at: Date | null;
}

const PERSON_COLUMNS = `p.id, p.email, p.full_name, p.roles, p.status, p.password_hash, p.failed_logins, p.locked_until,
  o.id AS organisation_id, o.name AS organisation_name, o.kind, o.status AS organisation_status, o.departments`;

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
    const row = await this.personByEmail(email);
    if (row?.locked_until && row.locked_until > now) {
      throw new DomainError(
        'locked',
        `too many wrong passwords: the account is locked until ${row.locked_until.toISOString()}`,
        HttpStatus.LOCKED,
        { lockedUntil: row.locked_until.toISOString() },
      );
    }
    const matches = await verify(row?.password_hash ?? (await this.decoyHash), password).catch(() => false);
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
    const row = await this.personByEmail(identity.email);
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
    const row = await this.liveSession(this.dataSource.manager, sessionToken);
    await this.dataSource.query('UPDATE person_sessions SET last_seen_at = now() WHERE id = $1', [row.session_id]);
    return this.access(row, row.session_id);
  }

  async signOut(sessionToken: string): Promise<void> {
    if (!isOpaqueToken('vgs', sessionToken)) throw new UnauthenticatedError('unknown session');
    await this.dataSource.query(
      'UPDATE person_sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL',
      [hashOpaqueToken(sessionToken)],
    );
  }

  /** Signs the person out of every device. */
  async signOutEverywhere(caller: Caller): Promise<void> {
    if (!caller.person) throw new UnauthenticatedError('only a person signs out everywhere');
    await this.dataSource.query(
      'UPDATE person_sessions SET revoked_at = now() WHERE person_id = $1 AND revoked_at IS NULL',
      [caller.person.id],
    );
  }

  /** The registry's own check of a person token: its session must still be open right now. */
  async callerOf(claims: PersonClaims): Promise<Caller> {
    const [row] = await this.dataSource.query<PersonOrganisationRow[]>(
      `SELECT o.kind, o.status, o.departments FROM person_sessions s
       JOIN people p ON p.id = s.person_id JOIN organisations o ON o.id = p.organisation_id
       WHERE s.id = $1 AND p.id = $2 AND o.id = $3 AND s.revoked_at IS NULL AND p.status = 'ACTIVE'`,
      [claims.sessionId, claims.personId, claims.organisationId],
    );
    if (!row) throw new UnauthenticatedError('the session has ended');
    return callerForPerson(row, claims);
  }

  private async liveSession(manager: EntityManager, sessionToken: string): Promise<SessionRow> {
    if (!isOpaqueToken('vgs', sessionToken)) throw new UnauthenticatedError('unknown session');
    const [row] = await manager.query<SessionRow[]>(
      `SELECT ${PERSON_COLUMNS}, s.id AS session_id, s.created_at, s.last_seen_at, s.revoked_at
       FROM person_sessions s JOIN people p ON p.id = s.person_id JOIN organisations o ON o.id = p.organisation_id
       WHERE s.token_hash = $1`,
      [hashOpaqueToken(sessionToken)],
    );
    if (!row) throw new UnauthenticatedError('unknown session');
    if (
      !sessionAlive(
        { createdAt: row.created_at, lastSeenAt: row.last_seen_at, revokedAt: row.revoked_at },
        this.config.sessions,
        new Date(),
      )
    ) {
      throw new UnauthenticatedError('the session has ended: sign in again');
    }
    this.checkActive(row);
    return row;
  }

  private async personByEmail(email: string): Promise<SignInRow | undefined> {
    const [row] = await this.dataSource.query<SignInRow[]>(
      `SELECT ${PERSON_COLUMNS} FROM people p JOIN organisations o ON o.id = p.organisation_id WHERE lower(p.email) = lower($1)`,
      [email],
    );
    return row;
  }

  /** A new session row (and its first access token); a State sign-in's ID token is claimed in the same transaction. */
  private async openSession(row: SignInRow, now: Date, identity: StateIdentity | null): Promise<SessionView> {
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
      await manager.query(
        'UPDATE people SET failed_logins = 0, locked_until = NULL, last_login_at = now() WHERE id = $1',
        [row.id],
      );
      await manager.query(
        `INSERT INTO person_sessions (id, person_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`,
        [session.id, row.id, session.hash, new Date(now.getTime() + this.config.sessions.absoluteSeconds * 1000)],
      );
    });
    return { sessionToken: session.token, ...(await this.access(row, session.id)) };
  }

  private checkActive(row: SignInRow): void {
    if (row.status !== 'ACTIVE') throw new UnauthenticatedError('this account is disabled');
    if (row.organisation_status !== OrganisationStatus.Active) {
      throw new UnauthenticatedError(`the organisation is ${row.organisation_status.toLowerCase()}`);
    }
  }

  private async recordFailure(row: SignInRow, now: Date): Promise<void> {
    const next = afterFailure(row.failed_logins, this.config.lockout, now);
    await this.dataSource.query('UPDATE people SET failed_logins = $2, locked_until = $3 WHERE id = $1', [
      row.id,
      next.failures,
      next.lockedUntil,
    ]);
  }

  private async access(row: SignInRow, sessionId: string): Promise<AccessView> {
    const accessToken = await this.signer.sign({
      personId: row.id,
      name: row.full_name,
      organisationId: row.organisation_id,
      roles: apiRolesOf(row.roles, row.kind),
      sessionId,
    });
    return {
      accessToken,
      accessTokenExpiresAt: new Date(Date.now() + ACCESS_TOKEN_SECONDS * 1000).toISOString(),
      person: {
        id: row.id,
        email: row.email,
        fullName: row.full_name,
        roles: row.roles,
        organisationId: row.organisation_id,
        organisationName: row.organisation_name,
        organisationKind: row.kind,
        departments: row.departments,
      },
    };
  }
}
