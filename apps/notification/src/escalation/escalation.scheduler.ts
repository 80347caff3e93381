import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DrainLoop } from '@vigie/messaging';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import { DeliveryDispatcher } from '../deliveries/delivery.dispatcher';
import { EscalationsService } from './escalations.service';

const BATCH = 20;

/**
 * Polls the stored deadlines. Nothing lives in memory: after a restart (or on another instance)
 * a deadline that passed meanwhile is taken at the first round.
 */
@Injectable()
export class EscalationScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EscalationScheduler.name);
  private loop: DrainLoop | null = null;

  constructor(
    private readonly escalations: EscalationsService,
    private readonly dispatcher: DeliveryDispatcher,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = new DrainLoop(
      async () => {
        const taken = await this.escalations.runDue(BATCH);
        if (taken > 0) this.dispatcher.wake();
        return taken === BATCH;
      },
      {
        name: 'escalation round',
        logger: this.logger,
        intervalMs: this.config.escalation.pollIntervalMs,
        retry: { baseDelayMs: 500, maxDelayMs: 30_000 },
      },
    );
    this.loop.wake();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop?.stop();
  }
}
