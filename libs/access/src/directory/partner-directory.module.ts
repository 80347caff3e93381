import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { ServiceDataSourceParts } from '@vigie/persistence';
import { ServiceInfrastructureModule, type ServiceConfig } from '@vigie/platform';
import { ApiKeyGuard } from '../api-key.guard';
import { CALLER_RESOLVER } from '../caller';
import { MeController } from '../me.controller';
import { PERSON_TOKENS, PersonTokenVerifier } from '../person-token';
import { PartnerChangedConsumer } from './partner-changed.consumer';
import { PartnerDirectory } from './partner.directory';

/**
 * For every service but the registry: keeps the partner directory from partner.changed.v1
 * and authenticates each HTTP request against it.
 */
@Module({
  controllers: [PartnerChangedConsumer, MeController],
  providers: [
    PartnerDirectory,
    { provide: CALLER_RESOLVER, useExisting: PartnerDirectory },
    { provide: APP_GUARD, useClass: ApiKeyGuard },
  ],
  exports: [PartnerDirectory],
})
export class PartnerDirectoryModule {
  /** Person access tokens are checked against the keys the registry at `registryUrl` publishes. */
  static verifyingPersonsWith(registryUrl: string): DynamicModule {
    return {
      module: PartnerDirectoryModule,
      providers: [{ provide: PERSON_TOKENS, useValue: PersonTokenVerifier.remote(registryUrl) }],
    };
  }

  /**
   * What a service other than the registry imports first: its infrastructure (schema, Kafka,
   * /health), then this directory, person tokens checked against the registry its configuration names.
   */
  static withInfrastructure(config: ServiceConfig, tables: ServiceDataSourceParts): DynamicModule[] {
    return [
      ServiceInfrastructureModule.for(config, tables),
      PartnerDirectoryModule.verifyingPersonsWith(config.registryUrl),
    ];
  }
}
