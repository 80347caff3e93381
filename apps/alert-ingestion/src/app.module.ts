import { Module, type DynamicModule } from '@nestjs/common';
import { PartnerDirectoryModule } from '@vigie/access';
import { ServiceInfrastructureModule } from '@vigie/platform';
import { AlertChangesController } from './alerts/alert-changes.controller';
import { AlertReadsController } from './alerts/alert-reads.controller';
import { AlertRoutedConsumer } from './alerts/alert-routed.consumer';
import { AlertsController } from './alerts/alerts.controller';
import { AlertsService } from './alerts/alerts.service';
import { INGESTION_CONFIG, type IngestionConfig } from './config';
import { RetentionJob } from './retention/retention.job';
import { INGESTION_TABLES } from './tables';

@Module({})
export class IngestionModule {
  static with(config: IngestionConfig): DynamicModule {
    return {
      module: IngestionModule,
      imports: [ServiceInfrastructureModule.for(config, INGESTION_TABLES), PartnerDirectoryModule.verifyingPersonsWith(config.registryUrl)],
      controllers: [AlertsController, AlertReadsController, AlertChangesController, AlertRoutedConsumer],
      providers: [{ provide: INGESTION_CONFIG, useValue: config }, AlertsService, RetentionJob],
    };
  }
}
