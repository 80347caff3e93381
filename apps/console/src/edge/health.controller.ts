import { Controller, Get } from '@nestjs/common';
import { PublicPage } from '../session/viewer';

/** Liveness for the process supervisor and the test stack. The console keeps no database. */
@Controller('health')
@PublicPage()
export class HealthController {
  @Get()
  health(): { status: string } {
    return { status: 'ok' };
  }
}
