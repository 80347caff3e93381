import { Injectable } from '@nestjs/common';
import { AcknowledgementLinks } from '../../acknowledgements/acknowledgement-link';
import type { AttemptResult } from '../../deliveries/delivery.outcome';
import type { ClaimedDelivery } from '../../deliveries/delivery.queue';
import { renderEmail, type EmailCopy } from './email.renderer';
import { EmailSender } from './email.sender';
import { renderWebhookNotice, WEBHOOK_DISABLED_NOTICE, type WebhookDisabledNotice } from './webhook-notice.renderer';

/** Renders a claimed delivery for its referent (an alert, a broadcast or a notice) and mails it. */
@Injectable()
export class EmailChannel {
  constructor(
    private readonly email: EmailSender,
    private readonly links: AcknowledgementLinks,
  ) {}

  send(delivery: ClaimedDelivery): Promise<AttemptResult> {
    const to = delivery.email_address!;
    if (delivery.message_type === WEBHOOK_DISABLED_NOTICE) {
      const notice = delivery.body as unknown as WebhookDisabledNotice;
      return this.email.send({ deliveryId: delivery.id, to, ...renderWebhookNotice(notice) });
    }
    const copy = delivery.body as unknown as EmailCopy;
    // Alerts carry a link to acknowledge them; broadcasts are for information.
    const acknowledgeUrl = copy.alert
      ? this.links.url({
          alertId: copy.alert.alertId,
          organisationId: delivery.organisation_id,
          referentId: delivery.referent_id!,
        })
      : null;
    return this.email.send({ deliveryId: delivery.id, to, ...renderEmail(copy, acknowledgeUrl) });
  }
}
