import { Injectable } from '@nestjs/common';
import { RegistryClient } from '../clients/registry.client';
import { ServiceCallError } from '../clients/service-call';
import type { ConsoleSession } from './console-session.store';
import { SignInRequired } from './session.errors';

/** Refresh the access token this long before it expires. */
const REFRESH_MARGIN_MS = 30_000;

/**
 * The person's short-lived access token (what every service is called with), refreshed from the
 * registry's session token when it is about to expire. The registry says no when the session
 * is idle, expired, revoked, or the person or organisation is no longer active.
 */
@Injectable()
export class PersonAccess {
  private readonly refreshing = new Map<string, Promise<void>>();

  constructor(private readonly registry: RegistryClient) {}

  async bearer(session: ConsoleSession, returnTo: string | null): Promise<string> {
    const signedIn = session.signedIn;
    if (!signedIn) throw new SignInRequired(returnTo);
    if (signedIn.accessTokenExpiresAt - Date.now() < REFRESH_MARGIN_MS) {
      // One refresh per session even when several requests need it at once.
      let pending = this.refreshing.get(session.id);
      if (!pending) {
        pending = this.refresh(session).finally(() => this.refreshing.delete(session.id));
        this.refreshing.set(session.id, pending);
      }
      await pending;
      if (!session.signedIn) throw new SignInRequired(returnTo);
    }
    return session.signedIn!.accessToken;
  }

  private async refresh(session: ConsoleSession): Promise<void> {
    const signedIn = session.signedIn!;
    try {
      const access = await this.registry.refreshSession(signedIn.sessionToken);
      session.signedIn = {
        ...signedIn,
        person: access.person,
        accessToken: access.accessToken,
        accessTokenExpiresAt: Date.parse(access.accessTokenExpiresAt),
      };
    } catch (error) {
      if (error instanceof ServiceCallError && error.status === 401) {
        session.signedIn = null;
        return;
      }
      throw error;
    }
  }
}
