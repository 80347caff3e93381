import { Controller, Get, Header, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DomainError, PublicRoute } from '@vigie/platform';
import { escapeHtml } from '../channels/email/email.renderer';
import { AcknowledgementLinks, type AcknowledgementClaim } from './acknowledgement-link';
import { AcknowledgementsService } from './acknowledgements.service';

const page = (title: string, body: string): string =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
  `<body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;

/**
 * The e-mailed link. Opening it (GET) only shows a button: mail scanners and previews fetch
 * links, and must not acknowledge anything. The button POSTs to the same address.
 */
@ApiExcludeController()
@PublicRoute()
@Controller('v1/acknowledgements')
export class AcknowledgementLinkController {
  constructor(
    private readonly links: AcknowledgementLinks,
    private readonly acknowledgements: AcknowledgementsService,
  ) {}

  @Get(':token')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  confirm(@Param('token') token: string): string {
    this.claimOf(token);
    return page(
      'Accuser réception de l’alerte',
      `<form method="post"><button type="submit">Je prends en compte cette alerte</button></form>`,
    );
  }

  @Post(':token')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async acknowledge(@Param('token') token: string): Promise<string> {
    const acknowledgement = await this.acknowledgements.acknowledgeByLink(this.claimOf(token));
    return page(
      'Alerte prise en compte',
      `<p>Accusé de réception enregistré le ${escapeHtml(acknowledgement.acknowledgedAt)} pour ${escapeHtml(
        acknowledgement.organisationName ?? acknowledgement.organisationId,
      )}.</p>`,
    );
  }

  private claimOf(token: string): AcknowledgementClaim {
    const claim = token.length <= 1000 ? this.links.verify(token) : null;
    if (!claim)
      throw new DomainError('not_found', 'this acknowledgement link is invalid or has expired', HttpStatus.NOT_FOUND);
    return claim;
  }
}
