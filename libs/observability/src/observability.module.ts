import { Global, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { loggingModule, type LoggingSettings } from './logging';
import { Metrics, METRICS_SETTINGS, MetricsServer, type MetricsSettings } from './metrics';
import { flushTracing } from './spans';

export interface ObservabilitySettings {
  service: string;
  logging: LoggingSettings;
  metrics: MetricsSettings;
}

class TracingShutdown implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await flushTracing();
  }
}

/** JSON logs, the metrics registry and its endpoint, and tracing's flush at shutdown. */
@Global()
@Module({})
export class ObservabilityModule {
  static for(settings: ObservabilitySettings): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [loggingModule(settings.service, settings.logging)],
      providers: [{ provide: METRICS_SETTINGS, useValue: settings.metrics }, Metrics, MetricsServer, TracingShutdown],
      exports: [Metrics],
    };
  }
}
