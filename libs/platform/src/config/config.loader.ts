import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/**
 * Validates environment variables into a typed object once, at boot. A bad configuration
 * stops the process with every problem listed.
 */
export function loadEnv<T extends object>(shape: new () => T, env: NodeJS.ProcessEnv): T {
  const values = plainToInstance(shape, { ...env }, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(values, { whitelist: true, forbidUnknownValues: true });
  if (errors.length > 0) {
    const lines = errors.map((error) => `  ${error.property}: ${Object.values(error.constraints ?? {}).join(', ')}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  return values;
}

export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
