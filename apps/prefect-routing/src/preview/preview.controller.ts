import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, RequireRoles, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { PreviewAlertDto, RoutingPreviewView } from './preview.dto';
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
      'Who a draft alert would reach and why, with warnings for unusual audiences (no prefecture, many partners, TLP:CLEAR with personal data). Nothing is stored or sent.',
  })
  @ApiOkResponse({ type: RoutingPreviewView })
  preview(@Body() draft: PreviewAlertDto, @CurrentCaller() caller: Caller): Promise<RoutingPreviewView> {
    return this.previews.preview(draft, caller);
  }
}
