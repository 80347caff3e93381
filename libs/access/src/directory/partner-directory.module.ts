import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyGuard } from '../api-key.guard';
import { CALLER_RESOLVER } from '../caller';
import { MeController } from '../me.controller';
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
export class PartnerDirectoryModule {}
