import { randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { SignedInPerson } from '../clients/registry.client';
import { CONSOLE_CONFIG, type ConsoleConfig } from '../config';

/** A secret the person must see once, right after it was made (an API key, an invitation link). */
export interface ShownOnce {
  kind: 'api-key' | 'invitation';
  /** What it is for: the key's name, or the invited person's e-mail address. */
  about: string;
  value: string;
}

/** What the console keeps for one browser; the browser only holds the opaque id. */
export interface ConsoleSession {
  id: string;
  csrfToken: string;
  createdAt: number;
  /** Kept from a form's answer to the page it redirects to, then forgotten (never in a URL or a cookie). */
  shownOnce?: ShownOnce;
  signedIn: {
    person: SignedInPerson;
    /** The registry's session token: never leaves this process. */
    sessionToken: string;
    accessToken: string;
    accessTokenExpiresAt: number;
  } | null;
}

const secret = (): string => randomBytes(32).toString('base64url');

/**
 * Console sessions in this process's memory. The registry's session (PostgreSQL, idle and
 * absolute expiry, revocation) decides whether a person is still signed in; this store only
 * maps a cookie to that session, so a console restart signs people out and nothing else.
 */
@Injectable()
export class ConsoleSessionStore implements OnModuleDestroy {
  private readonly sessions = new Map<string, ConsoleSession>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(@Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig) {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  create(): ConsoleSession {
    const session: ConsoleSession = { id: secret(), csrfToken: secret(), createdAt: Date.now(), signedIn: null };
    this.sessions.set(session.id, session);
    return session;
  }

  get(id: string | undefined): ConsoleSession | undefined {
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (session && this.expired(session)) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  /** A new id and CSRF token at sign-in, so a session id planted before sign-in is worthless. */
  renew(session: ConsoleSession, signedIn: ConsoleSession['signedIn']): ConsoleSession {
    this.sessions.delete(session.id);
    const renewed: ConsoleSession = { id: secret(), csrfToken: secret(), createdAt: Date.now(), signedIn };
    this.sessions.set(renewed.id, renewed);
    return renewed;
  }

  /** The secret to show once: handed out a single time, then gone from memory. */
  takeShownOnce(session: ConsoleSession, kind: ShownOnce['kind']): ShownOnce | null {
    const secret = session.shownOnce;
    if (!secret || secret.kind !== kind) return null;
    delete session.shownOnce;
    return secret;
  }

  delete(id: string): void {
    this.sessions.delete(id);
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  private expired(session: ConsoleSession): boolean {
    return Date.now() - session.createdAt > this.config.sessionMaxSeconds * 1000;
  }

  private sweep(): void {
    for (const session of this.sessions.values()) if (this.expired(session)) this.sessions.delete(session.id);
  }
}
