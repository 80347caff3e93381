import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, RequireRoles, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { ApiIdempotencyKey, IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { AlertsService } from './alerts.service';
import { AlertView } from './dto/alert.view';
import { SubmitAlertDto } from './dto/submit-alert.dto';

@ApiTags('alerts')
@RequireRoles(ApiKeyRole.Publisher)
@Controller('v1/alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Post()
  @ApiOperation({
    summary: 'Submit an alert. It is stored and published atomically; routing follows within milliseconds.',
  })
  @ApiCreatedResponse({ type: AlertView })
  @ApiBadRequestResponse({ description: 'Invalid body: `details` lists each field and its problems.' })
  @ApiIdempotencyKey()
  async submit(
    @Body() input: SubmitAlertDto,
    @CurrentCaller() caller: Caller,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AlertView> {
    const { alert, created } = await this.alerts.submit(input, caller, idempotencyKey);
    if (!created) response.setHeader('Idempotent-Replayed', 'true');
    return AlertView.of(alert);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of your organisation’s alerts.' })
  @ApiOkResponse({ type: AlertView })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<AlertView> {
    return AlertView.of(await this.alerts.get(id, caller));
  }
}
