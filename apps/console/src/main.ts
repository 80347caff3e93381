import './tracing';
import 'reflect-metadata';
import { join } from 'node:path';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { Metrics, ObservabilityModule, requestScope } from '@vigie/observability';
import { ConsoleModule } from './app.module';
import { loadConfig } from './config';
import { serveAssets } from './edge/assets';
import { securityHeaders } from './edge/security-headers';

@Module({})
class ObservedConsole {}

/** Forms post urlencoded bodies; nothing else is parsed, and bodies stay small. */
const FORM_LIMIT = '64kb';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const observability = ObservabilityModule.for({
    service: 'console',
    logging: config.logging,
    metrics: config.metrics,
  });
  const app = await NestFactory.create<NestExpressApplication>(
    { module: ObservedConsole, imports: [observability, ConsoleModule.with(config)] },
    { bufferLogs: true, bodyParser: false },
  );
  app.use(requestScope);
  app.useLogger(app.get(PinoNestLogger));
  app.use(app.get(Metrics).httpMiddleware());
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(securityHeaders(config.secureCookie, config.stateSignIn?.issuer));
  app.useBodyParser('urlencoded', { extended: false, limit: FORM_LIMIT, parameterLimit: 200 });
  // The built bundle sits beside the compiled app: dist/apps/console/assets.
  serveAssets(app.getHttpAdapter().getInstance(), join(__dirname, '..', 'assets'));
  app.enableShutdownHooks();
  await app.listen(config.http.port, config.http.host);
  new Logger('console').log(`listening on http://${config.http.host}:${config.http.port}`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
