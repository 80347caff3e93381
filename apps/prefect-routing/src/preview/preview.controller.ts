import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, RequireRoles, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { PreviewAlertDto, PreviewSenderView, PreviewSendersQuery, RoutingPreviewView } from './preview.dto';
import { PreviewService } from './preview.service';

@ApiTags('routing')
@Controller('v1/routing/preview')
export class PreviewController {
  constructor(private readonly previews: PreviewService) {}

  @Post()
  @HttpCode(200)
  @RequireRoles(ApiKeyRole.Publisher, ApiKeyRole.Operator)
  @ApiOperation({
    summary:
      'Who a draft alert would reach and why (every recipient with the rules that chose it, those left out), with warnings for unusual audiences (no prefecture, many partners, TLP:CLEAR with personal data). Nothing is stored or sent. Administrators and operators of the national level or of a prefecture may preview as another organisation (the rules test bench).',
  })
  @ApiOkResponse({ type: RoutingPreviewView })
  preview(@Body() draft: PreviewAlertDto, @CurrentCaller() caller: Caller): Promise<RoutingPreviewView> {
    return this.previews.preview(draft, caller);
  }

  @Get('senders')
  @RequireRoles(ApiKeyRole.Operator)
  @ApiOperation({
    summary:
      'The rules test bench: the active organisations that may publish in the département (or anywhere in your ' +
      'scope), to preview an alert as one of them. Administrators and the national level’s operators everywhere, ' +
      'a prefecture’s operators in their départements.',
  })
  @ApiOkResponse({ type: PreviewSenderView, isArray: true })
  @ApiForbiddenResponse({
    description: 'Not an administrator, nor an operator of the national level or of a prefecture competent there.',
  })
  senders(@Query() query: PreviewSendersQuery, @CurrentCaller() caller: Caller): Promise<PreviewSenderView[]> {
    return this.previews.senders(query.department, caller);
  }
}
