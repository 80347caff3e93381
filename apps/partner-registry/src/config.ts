import { IsOptional, IsString, Matches } from 'class-validator';
import { CommonEnv, loadEnv, portField, serviceConfig, type ServiceConfig } from '@vigie/platform';
import { readConventionDeployments, type ConventionDeployments } from './conventions/conventions.deployments';

class RegistryEnv extends CommonEnv {
  @portField() HTTP_PORT: number = 3001;
  /** The platform administrator's key (vgk_<uuid>_<secret>); `npm run --silent admin-key` makes one. */
  @IsString()
  @Matches(/^vgk_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}$/, { message: 'REGISTRY_ADMIN_API_KEY must be a vgk_ key' })
  REGISTRY_ADMIN_API_KEY: string;
  /** JSON file `{ "<convention code>": ["69", …] }`: where each convention is deployed (default: everywhere). */
  @IsOptional() @IsString() REGISTRY_CONVENTIONS_FILE?: string;
}

export interface RegistryConfig extends ServiceConfig {
  adminApiKey: string;
  conventionDeployments?: ConventionDeployments;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RegistryConfig {
  const values = loadEnv(RegistryEnv, env);
  return {
    ...serviceConfig(values, { name: 'partner-registry', schema: 'registry' }),
    adminApiKey: values.REGISTRY_ADMIN_API_KEY,
    conventionDeployments: values.REGISTRY_CONVENTIONS_FILE
      ? readConventionDeployments(values.REGISTRY_CONVENTIONS_FILE)
      : undefined,
  };
}

export const REGISTRY_CONFIG = Symbol('REGISTRY_CONFIG');
