import { Body, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { CurrentCaller, Endpoint, ServiceController, type Caller } from '@vigie/access';
import { AcknowledgementChannel, ApiKeyRole } from '@vigie/contracts';
import { organisationOf } from '../caller-organisation';
import { AcknowledgeOnceRoute, answerOnce } from './acknowledge-once.route';
import { AcknowledgementView } from './acknowledgement.view';
import { AcknowledgementsService } from './acknowledgements.service';

export class AcknowledgeDto {
  @ApiPropertyOptional({ maxLength: 500, example: 'Patrouille envoyée sur place' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

@ServiceController('v1/alerts/:id/acknowledgements', 'acknowledgements')
export class AcknowledgementsController {
  constructor(private readonly acknowledgements: AcknowledgementsService) {}

  @AcknowledgeOnceRoute(
    undefined,
    "Acknowledge an alert routed to the caller's organisation: 201 the first time (alert.acknowledged.v1 is published), 200 with the same body afterwards.",
    AcknowledgementView,
    'No such alert was routed to your organisation.',
  )
  async acknowledge(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() input: AcknowledgeDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AcknowledgementView> {
    const { acknowledgement, created } = await this.acknowledgements.acknowledge(id, organisationOf(caller), {
      channel: AcknowledgementChannel.Api,
      apiKeyId: caller.keyId,
      person: caller.person,
      note: input.note?.trim() || null,
    });
    answerOnce(response, created);
    return acknowledgement;
  }

  @Endpoint('GET', undefined, {
    roles: [ApiKeyRole.Subscriber, ApiKeyRole.Publisher],
    summary: 'Who acknowledged the alert, and when: for its sender, its recipients and administrators.',
    ok: [AcknowledgementView],
    notFound: 'No such alert, or not yours to see.',
  })
  list(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<AcknowledgementView[]> {
    return this.acknowledgements.list(id, caller);
  }
}
