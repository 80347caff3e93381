import { Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { DomainError, PublicRoute } from '@vigie/platform';
import { AcknowledgementLinks, type AcknowledgementClaim } from './acknowledgement-link';
import { AcknowledgementView } from './acknowledgement.view';
import { linkedAlert } from './acknowledgements.queries';
import { AcknowledgementsService } from './acknowledgements.service';

export class LinkedAlertView {
  @ApiProperty({ format: 'uuid' }) alertId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty() headline: string;
  @ApiProperty() event: string;
  @ApiProperty() severity: string;
  @ApiProperty() urgency: string;
  @ApiProperty() status: string;
  @ApiPropertyOptional({ nullable: true, type: String }) commune: string | null;
  @ApiProperty() department: string;
  @ApiProperty() sent: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'When the organisation already acknowledged it' })
  acknowledgedAt: string | null;
}

/**
 * The e-mailed acknowledgement link as JSON, for the console that shows it as a page: the alert
 * it is about, and acknowledging it. The link itself is the credential (signed, expiring).
 */
@ApiTags('acknowledgements')
@PublicRoute()
@Controller('v1/acknowledgement-links/:token')
export class AcknowledgementLinkApiController {
  constructor(
    private readonly links: AcknowledgementLinks,
    private readonly acknowledgements: AcknowledgementsService,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The alert an e-mailed acknowledgement link is about, as its recipient received it.' })
  @ApiOkResponse({ type: LinkedAlertView })
  @ApiNotFoundResponse({ description: 'Invalid or expired link.' })
  async alert(@Param('token') token: string): Promise<LinkedAlertView> {
    const claim = this.claimOf(token);
    const row = await linkedAlert(this.dataSource.manager, claim.organisationId, claim.alertId);
    if (!row) throw this.invalid();
    const { alert } = row;
    const info = alert.info[0];
    return {
      alertId: claim.alertId,
      organisationName: row.organisationName ?? '',
      headline: info.headline,
      event: info.event,
      severity: info.severity,
      urgency: info.urgency,
      status: alert.status,
      commune: alert.location.communeName,
      department: alert.location.department,
      sent: alert.sent,
      acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    };
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Acknowledge through an e-mailed link (idempotent): the acknowledgement.' })
  @ApiOkResponse({ type: AcknowledgementView })
  @ApiNotFoundResponse({ description: 'Invalid or expired link, or the referent is no longer one.' })
  acknowledge(@Param('token') token: string): Promise<AcknowledgementView> {
    return this.acknowledgements.acknowledgeByLink(this.claimOf(token));
  }

  private claimOf(token: string): AcknowledgementClaim {
    const claim = token.length <= 1000 ? this.links.verify(token) : null;
    if (!claim) throw this.invalid();
    return claim;
  }

  private invalid(): DomainError {
    return new DomainError('not_found', 'this acknowledgement link is invalid or has expired', HttpStatus.NOT_FOUND);
  }
}
