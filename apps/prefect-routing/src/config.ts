import { CommonEnv, loadEnv, portField, serviceConfig, type ServiceConfig } from '@vigie/platform';

class RoutingEnv extends CommonEnv {
  @portField() HTTP_PORT: number = 3003;
}

export type RoutingConfig = ServiceConfig;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RoutingConfig {
  return serviceConfig(loadEnv(RoutingEnv, env), { name: 'prefect-routing', schema: 'routing' });
}
