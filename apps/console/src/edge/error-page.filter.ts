import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ServiceCallError } from '../clients/service-call';
import { ErrorPage } from '../pages/errors/error.view';
import { viewerOf } from '../pages/viewer-of';
import { renderPage, sendHtml } from '../render';
import { CsrfRefused, NotForYou, SignInRequired } from '../session/session.errors';
import type { ConsoleRequest } from '../session/viewer';

const PAGES: Record<number, { title: string; message: string }> = {
  400: { title: 'Demande incorrecte', message: 'La demande n’a pas pu être comprise.' },
  403: { title: 'Accès refusé', message: 'Cette action n’est pas permise à votre compte.' },
  404: { title: 'Page introuvable', message: 'Cette page n’existe pas, ou elle ne vous est pas accessible.' },
  429: { title: 'Trop de tentatives', message: 'Trop de demandes en peu de temps. Réessayez dans une minute.' },
  500: { title: 'Erreur du service', message: 'Une erreur est survenue. L’équipe technique en est informée.' },
  503: { title: 'Service indisponible', message: 'Un service de Vigie ne répond pas. Réessayez dans un instant.' },
};

/** Every error becomes a page in words (never a stack trace); no session means the sign-in page. */
@Catch()
export class ErrorPageFilter implements ExceptionFilter {
  private readonly logger = new Logger('console');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<ConsoleRequest>();
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) {
      response.end();
      return;
    }
    if (exception instanceof SignInRequired) {
      const target = exception.returnTo ? `/connexion?suite=${encodeURIComponent(exception.returnTo)}` : '/connexion';
      if (request.headers['hx-request']) response.setHeader('HX-Redirect', target);
      response.redirect(303, target);
      return;
    }
    const status = this.status(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const page = PAGES[status] ?? PAGES[500];
    const message =
      exception instanceof CsrfRefused
        ? 'Ce formulaire a expiré ou ne provient pas de cette session. Rechargez la page et recommencez.'
        : page.message;
    const signedIn = request.signedIn;
    sendHtml(
      response,
      status,
      renderPage(
        ErrorPage({
          status,
          title: page.title,
          message,
          viewer: signedIn ? viewerOf(signedIn) : null,
          csrfToken: signedIn?.csrfToken ?? null,
        }),
      ),
    );
  }

  private status(exception: unknown): number {
    if (exception instanceof CsrfRefused || exception instanceof NotForYou) return 403;
    if (exception instanceof ServiceCallError) {
      // What a service refuses to show is, for the person, a page that does not exist.
      if (exception.status === 404) return 404;
      if (exception.status === 403) return 403;
      if (exception.status === 429) return 429;
      return 503;
    }
    if (exception instanceof HttpException) return exception.getStatus();
    if ((exception as { name?: string })?.name === 'TimeoutError') return 503;
    if ((exception as { type?: string })?.type === 'entity.parse.failed') return 400;
    return 500;
  }
}
