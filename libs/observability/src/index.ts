export * from './telemetry-scope';
export * from './logging';
export * from './metrics';
export * from './observability.module';
export * from './spans';
