import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyGuard, CALLER_RESOLVER, MeController } from '@vigie/access';
import { ServiceInfrastructureModule } from '@vigie/platform';
import { AuditController } from './audit/audit.controller';
import { AuditLog } from './audit/audit.log';
import { REGISTRY_CONFIG, type RegistryConfig } from './config';
import { CredentialsController } from './credentials/credentials.controller';
import { CredentialsService } from './credentials/credentials.service';
import { RegistryCallerResolver } from './credentials/registry-caller.resolver';
import { DepartmentsController } from './departments/departments.controller';
import { DepartmentsSeeder } from './departments/departments.seeder';
import { OrganisationsController } from './organisations/organisations.controller';
import { OrganisationsService } from './organisations/organisations.service';
import { PartnerEvents } from './organisations/partner.events';
import { REGISTRY_TABLES } from './tables';

@Module({})
export class RegistryModule {
  static with(config: RegistryConfig): DynamicModule {
    return {
      module: RegistryModule,
      imports: [ServiceInfrastructureModule.for(config, REGISTRY_TABLES)],
      controllers: [
        OrganisationsController,
        CredentialsController,
        DepartmentsController,
        AuditController,
        MeController,
      ],
      providers: [
        { provide: REGISTRY_CONFIG, useValue: config },
        { provide: CALLER_RESOLVER, useClass: RegistryCallerResolver },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        OrganisationsService,
        CredentialsService,
        PartnerEvents,
        AuditLog,
        DepartmentsSeeder,
      ],
    };
  }
}
