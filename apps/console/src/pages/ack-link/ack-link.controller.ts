import { Controller, Inject, Param, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { NotificationClient, type LinkAlert } from '../../clients/notification.client';
import { ServiceCallError } from '../../clients/service-call';
import { CONSOLE_CONFIG, type ConsoleConfig } from '../../config';
import { renderPage, sendHtml } from '../../render';
import { ConsoleSessionStore } from '../../session/console-session.store';
import { writeSessionCookie } from '../../session/session.cookie';
import { PublicPage, type ConsoleRequest } from '../../session/viewer';
import { PageGet, PagePost } from '../page-routes';
import { AckLinkPage } from './ack-link.view';

export type LinkedAlert = LinkAlert;

/**
 * E-mailed acknowledgement links, in the console's style. Opening the link only shows the alert
 * and a button (mail scanners fetch links); the button posts. The link is the credential.
 * Served both at /acquittement/:token and at the address the notification service mails
 * (/v1/acknowledgements/:token) when its PUBLIC_BASE_URL is this console.
 */
@Controller()
@PublicPage()
export class AckLinkController {
  constructor(
    private readonly notification: NotificationClient,
    private readonly store: ConsoleSessionStore,
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
  ) {}

  @PageGet(['acquittement/:token', 'v1/acknowledgements/:token'])
  async show(@Param('token') token: string, @Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const csrfToken = this.csrfFor(request, response);
    const alert = await this.linked(token);
    const acknowledged = alert?.acknowledgedAt ? { at: alert.acknowledgedAt, by: alert.organisationName } : null;
    sendHtml(response, alert ? 200 : 404, renderPage(AckLinkPage({ token, csrfToken, alert, acknowledged })));
  }

  @PagePost(['acquittement/:token', 'v1/acknowledgements/:token'])
  async acknowledge(
    @Param('token') token: string,
    @Req() request: ConsoleRequest,
    @Res() response: Response,
  ): Promise<void> {
    const csrfToken = request.consoleSession!.csrfToken;
    const alert = await this.linked(token);
    if (!alert) {
      sendHtml(response, 404, renderPage(AckLinkPage({ token, csrfToken, alert: null, acknowledged: null })));
      return;
    }
    const acknowledgement = await this.notification.acknowledgeByLink(token);
    const by = acknowledgement.referentName
      ? `${acknowledgement.referentName} (${alert.organisationName})`
      : alert.organisationName;
    response
      .type('html')
      .send(
        renderPage(AckLinkPage({ token, csrfToken, alert, acknowledged: { at: acknowledgement.acknowledgedAt, by } })),
      );
  }

  private async linked(token: string): Promise<LinkedAlert | null> {
    if (token.length > 1000) return null;
    try {
      return await this.notification.linkAlert(token);
    } catch (error) {
      if (error instanceof ServiceCallError && error.status === 404) return null;
      throw error;
    }
  }

  private csrfFor(request: ConsoleRequest, response: Response): string {
    if (request.consoleSession) return request.consoleSession.csrfToken;
    const session = this.store.create();
    writeSessionCookie(response, this.config.secureCookie, session.id);
    return session.csrfToken;
  }
}
