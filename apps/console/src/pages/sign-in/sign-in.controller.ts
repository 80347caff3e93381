import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import { RegistryClient } from '../../clients/registry.client';
import { ServiceCallError } from '../../clients/service-call';
import { StateIdentityClient } from '../../clients/state-identity.client';
import { CONSOLE_CONFIG, type ConsoleConfig } from '../../config';
import { renderPage, sendHtml } from '../../render';
import { ConsoleSessionStore, type ConsoleSession } from '../../session/console-session.store';
import { PersonAccess } from '../../session/person-access.service';
import { writeSessionCookie } from '../../session/session.cookie';
import { PublicPage, type ConsoleRequest } from '../../session/viewer';
import { localPath, textField } from '../form-body';
import { PageGet, PagePost } from '../page-routes';
import { InvitationPage, SignInPage } from './sign-in.view';

const INFO: Record<string, string> = {
  deconnecte: 'Vous êtes déconnecté(e).',
  partout: 'Vous êtes déconnecté(e) de tous vos appareils.',
  bienvenue: 'Votre compte est créé. Connectez-vous.',
};

@Controller()
@PublicPage()
export class SignInController {
  constructor(
    private readonly store: ConsoleSessionStore,
    private readonly registry: RegistryClient,
    private readonly access: PersonAccess,
    private readonly stateIdentity: StateIdentityClient,
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
  ) {}

  @Get()
  home(@Res() response: Response): void {
    response.redirect(303, '/alertes');
  }

  @PageGet('connexion')
  form(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @Query('suite') returnTo?: string,
    @Query('info') info?: string,
  ): void {
    if (request.consoleSession?.signedIn) return response.redirect(303, localPath(returnTo));
    const session = this.sessionFor(request, response);
    response.type('html').send(
      renderPage(
        SignInPage({
          csrfToken: session.csrfToken,
          email: '',
          returnTo: localPath(returnTo),
          error: null,
          info: INFO[info ?? ''] ?? null,
          stateSignIn: this.stateIdentity.enabled,
        }),
      ),
    );
  }

  @PagePost('connexion')
  @UseGuards(ThrottlerGuard)
  async signIn(@Body() body: unknown, @Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const session = request.consoleSession!;
    const email = textField(body, 'email', 320);
    const returnTo = localPath(textField(body, 'suite', 2000));
    const refuse = (status: number, error: string): void => {
      sendHtml(
        response,
        status,
        renderPage(
          SignInPage({
            csrfToken: session.csrfToken,
            email,
            returnTo,
            error,
            info: null,
            stateSignIn: this.stateIdentity.enabled,
          }),
        ),
      );
    };
    if (!email || !textField(body, 'password', 1000))
      return refuse(400, 'Saisissez votre adresse électronique et votre mot de passe.');
    try {
      const opened = await this.registry.openSession(email, textField(body, 'password', 1000));
      const renewed = this.store.renew(session, {
        person: opened.person,
        sessionToken: opened.sessionToken,
        accessToken: opened.accessToken,
        accessTokenExpiresAt: Date.parse(opened.accessTokenExpiresAt),
      });
      writeSessionCookie(response, this.config.secureCookie, renewed.id);
      response.redirect(303, returnTo);
    } catch (error) {
      if (!(error instanceof ServiceCallError)) throw error;
      if (error.status === 401 || error.status === 400)
        return refuse(401, 'Adresse électronique ou mot de passe incorrect.');
      if (error.status === 423)
        return refuse(423, 'Ce compte est verrouillé pendant quelques minutes après plusieurs essais infructueux.');
      if (error.status === 429) return refuse(429, 'Trop de tentatives de connexion. Réessayez dans une minute.');
      throw error;
    }
  }

  @Post('deconnexion')
  async signOut(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const session = request.consoleSession!;
    if (session.signedIn) await this.registry.closeSession(session.signedIn.sessionToken).catch(() => undefined);
    this.store.delete(session.id);
    writeSessionCookie(response, this.config.secureCookie, null);
    response.redirect(303, '/connexion?info=deconnecte');
  }

  /** Every session of the person ends, on every device (the registry revokes them all). */
  @Post('deconnexion-partout')
  async signOutEverywhere(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const session = request.consoleSession!;
    if (session.signedIn) {
      const bearer = await this.access.bearer(session, null);
      await this.registry.closeEverySession(bearer);
    }
    this.store.delete(session.id);
    writeSessionCookie(response, this.config.secureCookie, null);
    response.redirect(303, '/connexion?info=partout');
  }

  @PageGet('invitation/:token')
  async invitation(
    @Param('token') token: string,
    @Req() request: ConsoleRequest,
    @Res() response: Response,
  ): Promise<void> {
    const session = this.sessionFor(request, response);
    const invitation = await this.lookUp(token);
    sendHtml(
      response,
      invitation.found ? 200 : 404,
      renderPage(
        InvitationPage({
          csrfToken: session.csrfToken,
          token,
          invitation: invitation.found,
          error: invitation.error,
        }),
      ),
    );
  }

  @PagePost('invitation/:token')
  @UseGuards(ThrottlerGuard)
  async accept(
    @Param('token') token: string,
    @Body() body: unknown,
    @Req() request: ConsoleRequest,
    @Res() response: Response,
  ): Promise<void> {
    const session = request.consoleSession!;
    const password = textField(body, 'password', 1000);
    const invitation = await this.lookUp(token);
    const again = (error: string): void => {
      sendHtml(
        response,
        400,
        renderPage(InvitationPage({ csrfToken: session.csrfToken, token, invitation: invitation.found, error })),
      );
    };
    if (!invitation.found) return again(invitation.error);
    if (password.length < 12) return again('Le mot de passe doit compter au moins 12 caractères.');
    try {
      await this.registry.acceptInvitation(token, password);
    } catch (error) {
      if (error instanceof ServiceCallError && error.status === 400)
        return again('Ce mot de passe n’est pas accepté : au moins 12 caractères.');
      throw error;
    }
    response.redirect(303, '/connexion?info=bienvenue');
  }

  private async lookUp(
    token: string,
  ): Promise<{ found: { email: string; fullName: string; organisationName: string } | null; error: string }> {
    if (!/^vgi_[\w-]{1,200}$/.test(token)) return { found: null, error: 'Ce lien d’invitation n’est pas valide.' };
    try {
      return { found: await this.registry.lookUpInvitation(token), error: '' };
    } catch (error) {
      if (error instanceof ServiceCallError && error.status === 410)
        return { found: null, error: 'Ce lien d’invitation a expiré. Demandez-en un nouveau à votre organisation.' };
      if (error instanceof ServiceCallError && error.status === 404)
        return { found: null, error: 'Ce lien d’invitation n’est pas valide ou a déjà servi.' };
      throw error;
    }
  }

  /** The console session of this browser, created (with its cookie) on the first public page. */
  private sessionFor(request: ConsoleRequest, response: Response): ConsoleSession {
    if (request.consoleSession) return request.consoleSession;
    const session = this.store.create();
    writeSessionCookie(response, this.config.secureCookie, session.id);
    return session;
  }
}
