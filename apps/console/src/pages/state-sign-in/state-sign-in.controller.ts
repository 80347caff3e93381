import { Body, Controller, Inject, Logger, NotFoundException, Req, Res, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import { RegistryClient, type OpenedSession } from '../../clients/registry.client';
import { ServiceCallError } from '../../clients/service-call';
import { StateIdentityClient, StateSignInRefused, type PendingStateSignIn } from '../../clients/state-identity.client';
import { CONSOLE_CONFIG, type ConsoleConfig } from '../../config';
import { renderPage, sendHtml } from '../../render';
import { ConsoleSessionStore } from '../../session/console-session.store';
import { readStateSignInCookie, writeSessionCookie, writeStateSignInCookie } from '../../session/session.cookie';
import { STATE_SIGN_IN_SECONDS, StateSignInFlows } from '../../session/state-sign-in.flows';
import { PublicPage, type ConsoleRequest } from '../../session/viewer';
import { localPath, textField } from '../form-body';
import { PageGet, PagePost } from '../page-routes';
import { outcomeOfRegistryRefusal, refusalOf, type StateSignInOutcome } from './state-sign-in.model';
import { MovingOnPage, StateSignInRefusedPage } from './state-sign-in.view';

/**
 * Sign-in with the State's agent identity (OpenID Connect, ADR 37): the button sends the browser
 * to the provider; its return is checked here (state bound to this browser, code exchanged with
 * PKCE, ID token checked by openid-client), then by the registry, which opens the session.
 */
@Controller('connexion/etat')
@PublicPage()
export class StateSignInController {
  private readonly logger = new Logger('state-sign-in');

  constructor(
    private readonly identity: StateIdentityClient,
    private readonly flows: StateSignInFlows,
    private readonly registry: RegistryClient,
    private readonly store: ConsoleSessionStore,
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
  ) {}

  @PagePost()
  @UseGuards(ThrottlerGuard)
  async start(@Body() body: unknown, @Res() response: Response): Promise<void> {
    if (!this.identity.enabled) throw new NotFoundException();
    const { url, pending } = await this.identity.start(localPath(textField(body, 'suite', 2000)));
    writeStateSignInCookie(response, {
      secure: this.config.secureCookie,
      id: this.flows.start(pending),
      maxAgeSeconds: STATE_SIGN_IN_SECONDS,
    });
    response.redirect(303, url);
  }

  @PageGet('retour')
  @UseGuards(ThrottlerGuard)
  async callback(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    if (!this.identity.enabled) throw new NotFoundException();
    // One return per sign-in, whatever it brings: the flow is forgotten now.
    const pending = this.flows.take(readStateSignInCookie(request, this.config.secureCookie));
    writeStateSignInCookie(response, { secure: this.config.secureCookie, id: null, maxAgeSeconds: 0 });
    const query = new URL(request.originalUrl, 'http://console.invalid').searchParams;
    const opened = pending ? await this.signIn(query, pending) : 'expired';
    if (typeof opened === 'string') {
      const refusal = refusalOf(opened);
      sendHtml(response, refusal.status, renderPage(StateSignInRefusedPage(refusal)));
      return;
    }
    // The browser may not have sent the session cookie (SameSite=Strict on a cross-site return).
    const renewed = this.store.renew(request.consoleSession ?? this.store.create(), {
      person: opened.person,
      sessionToken: opened.sessionToken,
      accessToken: opened.accessToken,
      accessTokenExpiresAt: Date.parse(opened.accessTokenExpiresAt),
    });
    writeSessionCookie(response, this.config.secureCookie, renewed.id);
    response.type('html').send(renderPage(MovingOnPage({ to: pending!.returnTo })));
  }

  private async signIn(
    query: URLSearchParams,
    pending: PendingStateSignIn,
  ): Promise<OpenedSession | StateSignInOutcome> {
    try {
      const proof = await this.identity.finish(query, pending);
      return await this.registry.openStateSession(proof, pending.nonce);
    } catch (error) {
      if (error instanceof StateSignInRefused) {
        // Why, for whoever runs the console (never a token: the library's and provider's words only).
        this.logger.warn(`State sign-in refused (${error.reason}): ${error.message}`);
        return error.reason;
      }
      const outcome =
        error instanceof ServiceCallError && error.service === 'partner-registry'
          ? outcomeOfRegistryRefusal(error.status, error.body?.error)
          : null;
      if (outcome) return outcome;
      throw error;
    }
  }
}
