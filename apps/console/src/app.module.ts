import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { IngestionClient } from './clients/ingestion.client';
import { NotificationClient } from './clients/notification.client';
import { RegistryClient } from './clients/registry.client';
import { RoutingClient } from './clients/routing.client';
import { StateIdentityClient } from './clients/state-identity.client';
import { StatisticsClient } from './clients/statistics.client';
import { CONSOLE_CONFIG, type ConsoleConfig } from './config';
import { ErrorPageFilter } from './edge/error-page.filter';
import { HealthController } from './edge/health.controller';
import { AckLinkController } from './pages/ack-link/ack-link.controller';
import { AlertController } from './pages/alert/alert.controller';
import { AuditViewerController } from './pages/audit/audit.controller';
import { BroadcastController } from './pages/broadcast/broadcast.controller';
import { CoverageController } from './pages/convention-coverage/coverage.controller';
import { EscalationsController } from './pages/escalations/escalations.controller';
import { FeedStreamController } from './pages/feed/feed-stream.controller';
import { FeedController } from './pages/feed/feed.controller';
import { MyReportsController } from './pages/my-reports/my-reports.controller';
import { AcknowledgementDelaysController } from './pages/national/acknowledgement-delays.controller';
import { MapController } from './pages/national/map.controller';
import { TrendsController } from './pages/national/trends.controller';
import { OrganisationController } from './pages/organisation/organisation.controller';
import { PartnersController } from './pages/partners/partners.controller';
import { ReceivedBroadcastsController } from './pages/received-broadcasts/received-broadcasts.controller';
import { ReferentsController } from './pages/referents/referents.controller';
import { ReportController } from './pages/report/report.controller';
import { RulesBenchController } from './pages/rules-bench/rules-bench.controller';
import { SignInController } from './pages/sign-in/sign-in.controller';
import { SitesController } from './pages/sites/sites.controller';
import { StateSignInController } from './pages/state-sign-in/state-sign-in.controller';
import { ConsoleSessionStore } from './session/console-session.store';
import { PersonAccess } from './session/person-access.service';
import { SessionGuard } from './session/session.guards';
import { StateSignInFlows } from './session/state-sign-in.flows';

@Module({})
export class ConsoleModule {
  static with(config: ConsoleConfig): DynamicModule {
    return {
      module: ConsoleModule,
      imports: [
        // Only the sign-in (password and State identity) and invitation forms use it (ThrottlerGuard on those routes).
        ThrottlerModule.forRoot({ throttlers: [{ ttl: 60_000, limit: config.signInPerMinute }] }),
      ],
      controllers: [
        HealthController,
        SignInController,
        StateSignInController,
        AckLinkController,
        // The live stream before the alert page, whose :id would otherwise take "flux".
        FeedStreamController,
        FeedController,
        AlertController,
        BroadcastController,
        PartnersController,
        SitesController,
        ReferentsController,
        ReportController,
        MapController,
        TrendsController,
        AcknowledgementDelaysController,
        EscalationsController,
        MyReportsController,
        ReceivedBroadcastsController,
        OrganisationController,
        AuditViewerController,
        CoverageController,
        RulesBenchController,
      ],
      providers: [
        { provide: CONSOLE_CONFIG, useValue: config },
        RegistryClient,
        IngestionClient,
        RoutingClient,
        NotificationClient,
        StatisticsClient,
        StateIdentityClient,
        ConsoleSessionStore,
        StateSignInFlows,
        PersonAccess,
        { provide: APP_GUARD, useClass: SessionGuard },
        { provide: APP_FILTER, useClass: ErrorPageFilter },
      ],
    };
  }
}
