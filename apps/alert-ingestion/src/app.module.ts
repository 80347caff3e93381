import { Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { PartnerDirectoryModule } from '@vigie/access';
import { RETENTION_PLAN, RetentionJob } from '@vigie/platform';
import { AlertChangesController } from './alerts/alert-changes.controller';
import { AlertIntakeMetrics } from './alerts/alert-intake.metrics';
import { AlertReadAudit } from './alerts/alert-read.audit';
import { AlertReadsController } from './alerts/alert-reads.controller';
import { AlertRoutedConsumer } from './alerts/alert-routed.consumer';
import { AlertWriter } from './alerts/alert.writer';
import { AlertsController } from './alerts/alerts.controller';
import { AlertsService } from './alerts/alerts.service';
import { INGESTION_CONFIG, type IngestionConfig } from './config';
import { ingestionRetention } from './retention/retention.plan';
import { SentAlertsController } from './sent/sent-alerts.controller';
import { AlertStatisticsController } from './statistics/alert-statistics.controller';
import { AlertStatisticsService } from './statistics/alert-statistics.service';
import { INGESTION_TABLES } from './tables';

@Module({})
export class IngestionModule implements NestModule {
  static with(config: IngestionConfig): DynamicModule {
    return {
      module: IngestionModule,
      imports: PartnerDirectoryModule.withInfrastructure(config, INGESTION_TABLES),
      controllers: [
        AlertsController,
        AlertReadsController,
        AlertChangesController,
        AlertStatisticsController,
        SentAlertsController,
        AlertRoutedConsumer,
      ],
      providers: [
        { provide: INGESTION_CONFIG, useValue: config },
        AlertsService,
        AlertWriter,
        AlertReadAudit,
        AlertStatisticsService,
        { provide: RETENTION_PLAN, useValue: ingestionRetention(config) },
        RetentionJob,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(AlertIntakeMetrics)
      .forRoutes(
        { path: 'v1/alerts', method: RequestMethod.POST },
        { path: 'v1/alerts/:id/updates', method: RequestMethod.POST },
        { path: 'v1/alerts/:id/cancel', method: RequestMethod.POST },
      );
  }
}
