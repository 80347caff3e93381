import { Inject, Injectable, Logger } from '@nestjs/common';
import { PeriodicJob, type PeriodicJobSchedule } from '@vigie/messaging';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import { DeliveryDispatcher } from '../deliveries/delivery.dispatcher';
import { EscalationsService } from './escalations.service';

const BATCH = 20;

/**
 * Polls the stored deadlines. Nothing lives in memory: after a restart (or on another instance)
 * a deadline that passed meanwhile is taken at the first round.
 */
@Injectable()
export class EscalationScheduler extends PeriodicJob {
  protected readonly logger = new Logger(EscalationScheduler.name);

  constructor(
    private readonly escalations: EscalationsService,
    private readonly dispatcher: DeliveryDispatcher,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {
    super();
  }

  protected schedule(): PeriodicJobSchedule {
    return {
      name: 'escalation round',
      intervalMs: this.config.escalation.pollIntervalMs,
      atStart: true,
      retry: { baseDelayMs: 500, maxDelayMs: 30_000 },
    };
  }

  protected async tick(): Promise<boolean> {
    const taken = await this.escalations.runDue(BATCH);
    if (taken > 0) this.dispatcher.wake();
    return taken === BATCH;
  }
}
