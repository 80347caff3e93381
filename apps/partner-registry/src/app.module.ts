import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKeyGuard, CALLER_RESOLVER, MeController } from '@vigie/access';
import { MessagingModule } from '@vigie/messaging';
import { HealthModule } from '@vigie/platform';
import { openServiceDataSource } from '@vigie/persistence';
import { REGISTRY_CONFIG, type RegistryConfig } from './config';
import { RegistryCallerResolver } from './credentials/registry-caller.resolver';
import { registryDataSourceOptions } from './data-source.options';
import { DepartmentsController } from './departments/departments.controller';
import { DepartmentsSeeder } from './departments/departments.seeder';
import { OrganisationsController } from './organisations/organisations.controller';
import { OrganisationsService } from './organisations/organisations.service';
import { PartnerEvents } from './organisations/partner.events';

@Module({})
export class RegistryModule {
  static with(config: RegistryConfig): DynamicModule {
    return {
      module: RegistryModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => registryDataSourceOptions(config),
          dataSourceFactory: (options) => openServiceDataSource(options!),
        }),
        MessagingModule.forRoot({
          kafka: config.kafka,
          schema: config.schema,
          databaseUrl: config.databaseUrl,
          outbox: { batchSize: 500, pollIntervalMs: 1000 },
          consumer: { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 10000 },
        }),
        HealthModule,
      ],
      controllers: [OrganisationsController, DepartmentsController, MeController],
      providers: [
        { provide: REGISTRY_CONFIG, useValue: config },
        { provide: CALLER_RESOLVER, useClass: RegistryCallerResolver },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        OrganisationsService,
        PartnerEvents,
        DepartmentsSeeder,
      ],
    };
  }
}
