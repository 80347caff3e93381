import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../../config';
import type { AttemptResult } from '../../deliveries/delivery.outcome';
import type { RenderedEmail } from './email.renderer';

export interface OutgoingEmail extends RenderedEmail {
  deliveryId: string;
  to: string;
}

/**
 * Sends through the configured SMTP server with a small connection pool. A 5xx reply (address
 * refused) is final; anything else (4xx, connection trouble, timeouts) is retried. The delivery
 * id becomes the Message-ID, so a mail system that sees a retry can tell it is the same message.
 */
@Injectable()
export class EmailSender implements OnModuleDestroy {
  private readonly transport: Transporter | null;
  private readonly from: string;

  constructor(@Inject(NOTIFICATION_CONFIG) config: NotificationConfig) {
    const timeout = config.delivery.timeoutMs;
    this.from = config.email.from;
    this.transport = config.email.smtpUrl
      ? createTransport({
          url: config.email.smtpUrl,
          pool: true,
          maxConnections: 3,
          connectionTimeout: timeout,
          greetingTimeout: timeout,
          socketTimeout: timeout,
        } as Parameters<typeof createTransport>[0])
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  async send(email: OutgoingEmail): Promise<AttemptResult> {
    if (!this.transport) return { kind: 'rejected', message: 'e-mail is not configured (SMTP_URL)' };
    try {
      await this.transport.sendMail({
        from: this.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: `<${email.deliveryId}@vigie>`,
        headers: { 'Vigie-Delivery-Id': email.deliveryId },
      });
      return { kind: 'response', status: 250 };
    } catch (error) {
      const { responseCode, message } = error as { responseCode?: number; message?: string };
      const text = `SMTP: ${message ?? String(error)}`;
      return responseCode !== undefined && responseCode >= 500
        ? { kind: 'rejected', message: text }
        : { kind: 'error', message: text };
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
