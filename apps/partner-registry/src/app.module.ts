import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyGuard, CALLER_RESOLVER, MeController, PERSON_TOKENS } from '@vigie/access';
import { ServiceInfrastructureModule } from '@vigie/platform';
import { AlertReadsConsumer } from './audit/alert-reads.consumer';
import { AuditController } from './audit/audit.controller';
import { AuditLog } from './audit/audit.log';
import { AuditTrail } from './audit/audit.trail';
import { REGISTRY_CONFIG, type RegistryConfig } from './config';
import { ConventionsController } from './conventions/conventions.controller';
import { CONVENTION_DEPLOYMENTS } from './conventions/conventions.deployments';
import { ConventionsSeeder } from './conventions/conventions.seeder';
import { ConventionsService } from './conventions/conventions.service';
import { CredentialsController } from './credentials/credentials.controller';
import { CredentialsService } from './credentials/credentials.service';
import { RegistryCallerResolver } from './credentials/registry-caller.resolver';
import { CommunesController } from './departments/communes.controller';
import { DepartmentsController } from './departments/departments.controller';
import { DepartmentsSeeder } from './departments/departments.seeder';
import { ImportsController } from './imports/imports.controller';
import { ImportsService } from './imports/imports.service';
import { OrganisationChanges } from './organisations/organisation.changes';
import { OrganisationsController } from './organisations/organisations.controller';
import { OrganisationsService } from './organisations/organisations.service';
import { PartnerEvents } from './organisations/partner.events';
import { PeopleController } from './people/people.controller';
import { PeopleService } from './people/people.service';
import { PersonTokenSigner } from './people/person-token.signer';
import { ReferentsController } from './referents/referents.controller';
import { ReferentsService } from './referents/referents.service';
import { SessionsController } from './sessions/sessions.controller';
import { SessionsService } from './sessions/sessions.service';
import { StateIdentityVerifier } from './sessions/state-identity.verifier';
import { ComplianceController } from './sites/compliance.controller';
import { SitesController } from './sites/sites.controller';
import { SitesService } from './sites/sites.service';
import { SubscriptionsController } from './subscriptions/subscriptions.controller';
import { SubscriptionsService } from './subscriptions/subscriptions.service';
import { REGISTRY_TABLES } from './tables';

@Module({})
export class RegistryModule {
  static with(config: RegistryConfig): DynamicModule {
    return {
      module: RegistryModule,
      imports: [ServiceInfrastructureModule.for(config, REGISTRY_TABLES)],
      controllers: [
        ImportsController,
        OrganisationsController,
        CredentialsController,
        DepartmentsController,
        CommunesController,
        AuditController,
        ConventionsController,
        ReferentsController,
        SitesController,
        ComplianceController,
        SubscriptionsController,
        MeController,
        PeopleController,
        SessionsController,
        AlertReadsConsumer,
      ],
      providers: [
        { provide: REGISTRY_CONFIG, useValue: config },
        { provide: CALLER_RESOLVER, useClass: RegistryCallerResolver },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        OrganisationsService,
        ImportsService,
        CredentialsService,
        SitesService,
        SubscriptionsService,
        PartnerEvents,
        OrganisationChanges,
        AuditLog,
        AuditTrail,
        DepartmentsSeeder,
        ConventionsService,
        ConventionsSeeder,
        { provide: CONVENTION_DEPLOYMENTS, useValue: config.conventionDeployments },
        ReferentsService,
        PeopleService,
        SessionsService,
        StateIdentityVerifier,
        PersonTokenSigner,
        {
          provide: PERSON_TOKENS,
          useFactory: (signer: PersonTokenSigner) => signer.verifier(),
          inject: [PersonTokenSigner],
        },
      ],
    };
  }
}
