import { Body } from '@nestjs/common';
import { CurrentCaller, Endpoint, ServiceController, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { MAX_WEBHOOK_IMPORT_ROWS, WebhookImportDto, WebhookImportReportView } from './dto/webhook-import.dto';
import { WebhookImportService } from './webhook-import.service';

/** The import route reads bodies up to this size (10,000 rows of long URLs); every other route keeps the shared limit. */
export const WEBHOOK_IMPORT_PATH = '/v1/webhooks/import';
export const WEBHOOK_IMPORT_BODY_LIMIT = '4mb';

@ServiceController('v1/webhooks/import', 'webhooks')
export class WebhookImportController {
  constructor(private readonly imports: WebhookImportService) {}

  @Endpoint('POST', undefined, {
    status: 200,
    roles: [ApiKeyRole.Operator],
    summary: `Register the webhooks of many partner organisations (at most ${MAX_WEBHOOK_IMPORT_ROWS} rows). Administrators, or a prefecture for partners of its départements.`,
    description:
      'Each row is checked as POST /v1/webhooks checks one. A created webhook’s signing secret is in this answer only. An organisation that already has the URL active is reported unchanged, so the same file can be sent again; an organisation the registry created a moment ago may not be known here yet (unknown_organisation): send the file again.',
    ok: WebhookImportReportView,
    badRequest: 'Not an object whose "webhooks" is an array of 1 to 10,000 rows.',
    forbidden: 'Neither an administrator nor a prefecture.',
  })
  run(@Body() input: WebhookImportDto, @CurrentCaller() caller: Caller): Promise<WebhookImportReportView> {
    return this.imports.import(input.webhooks, caller);
  }
}
