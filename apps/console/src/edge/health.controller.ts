import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CONSOLE_CONFIG, type ConsoleConfig } from '../config';
import { PublicPage } from '../session/viewer';

type ServiceState = { status: 'up' } | { status: 'down'; message: string };

/**
 * The console keeps no database: it is live while it serves, and ready while the four services
 * it shows answer (each one's own liveness; their dependencies are their readiness's business).
 */
@Controller('health')
@PublicPage()
export class HealthController {
  constructor(@Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig) {}

  @Get('live')
  live(): { status: string } {
    return { status: 'ok' };
  }

  @Get(['ready', ''])
  async ready(
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ status: string; services: Record<string, ServiceState> }> {
    const states = await Promise.all(
      Object.entries(this.config.services).map(async ([name, url]): Promise<[string, ServiceState]> => {
        try {
          const answer = await fetch(`${url}/health/live`, { signal: AbortSignal.timeout(1500) });
          return [name, answer.ok ? { status: 'up' } : { status: 'down', message: `HTTP ${answer.status}` }];
        } catch (error) {
          return [name, { status: 'down', message: (error as Error).message }];
        }
      }),
    );
    const services = Object.fromEntries(states);
    const ready = states.every(([, state]) => state.status === 'up');
    if (!ready) response.status(HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ready ? 'ok' : 'error', services };
  }
}
