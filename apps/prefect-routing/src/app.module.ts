import { Module, type DynamicModule } from '@nestjs/common';
import { PartnerDirectoryModule } from '@vigie/access';
import { BroadcastsController } from './broadcasts/broadcasts.controller';
import { BroadcastsService } from './broadcasts/broadcasts.service';
import type { RoutingConfig } from './config';
import { PreviewController } from './preview/preview.controller';
import { PreviewService } from './preview/preview.service';
import { AlertMessagesConsumer } from './routing/alert-messages.consumer';
import { RoutingDirectory } from './routing/routing-directory';
import { RoutingController } from './routing/routing.controller';
import { RoutingService } from './routing/routing.service';
import { RulesController } from './stored-rules/rules.controller';
import { RulesService } from './stored-rules/rules.service';
import { ROUTING_TABLES } from './tables';

@Module({})
export class RoutingModule {
  static with(config: RoutingConfig): DynamicModule {
    return {
      module: RoutingModule,
      imports: PartnerDirectoryModule.withInfrastructure(config, ROUTING_TABLES),
      controllers: [RoutingController, RulesController, PreviewController, BroadcastsController, AlertMessagesConsumer],
      providers: [RoutingService, RoutingDirectory, RulesService, PreviewService, BroadcastsService],
    };
  }
}
