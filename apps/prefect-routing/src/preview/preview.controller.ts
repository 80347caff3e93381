import { Body, Query } from '@nestjs/common';
import { CurrentCaller, Endpoint, ServiceController, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { PreviewAlertDto, PreviewSenderView, PreviewSendersQuery, RoutingPreviewView } from './preview.dto';
import { PreviewService } from './preview.service';

@ServiceController('v1/routing/preview', 'routing')
export class PreviewController {
  constructor(private readonly previews: PreviewService) {}

  @Endpoint('POST', undefined, {
    status: 200,
    roles: [ApiKeyRole.Publisher, ApiKeyRole.Operator],
    summary:
      'Who a draft alert would reach and why (every recipient with the rules that chose it, those left out), with warnings for unusual audiences (no prefecture, many partners, TLP:CLEAR with personal data). Nothing is stored or sent. Administrators and operators of the national level or of a prefecture may preview as another organisation (the rules test bench).',
    ok: RoutingPreviewView,
  })
  preview(@Body() draft: PreviewAlertDto, @CurrentCaller() caller: Caller): Promise<RoutingPreviewView> {
    return this.previews.preview(draft, caller);
  }

  @Endpoint('GET', 'senders', {
    roles: [ApiKeyRole.Operator],
    summary:
      'The rules test bench: the active organisations that may publish in the département (or anywhere in your ' +
      'scope), to preview an alert as one of them. Administrators and the national level’s operators everywhere, ' +
      'a prefecture’s operators in their départements.',
    ok: [PreviewSenderView],
    forbidden: 'Not an administrator, nor an operator of the national level or of a prefecture competent there.',
  })
  senders(@Query() query: PreviewSendersQuery, @CurrentCaller() caller: Caller): Promise<PreviewSenderView[]> {
    return this.previews.senders(query.department, caller);
  }
}
