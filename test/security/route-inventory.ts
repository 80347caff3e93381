import { randomUUID } from 'node:crypto';
import { SERVICES, type ServiceName, type Stack } from '@vigie/testing';

/** One HTTP route of one service, as its OpenAPI document describes it. */
export interface Route {
  service: ServiceName;
  method: string;
  /** The OpenAPI template, e.g. `/v1/sites/{id}`. */
  path: string;
  /** Marked @PublicRoute(): its operation has an empty security requirement. */
  public: boolean;
  takesBody: boolean;
  pathParameters: string[];
}

interface OpenApiOperation {
  security?: Record<string, unknown>[];
  requestBody?: unknown;
  parameters?: { name: string; in: string }[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * Every route of every service, read from the OpenAPI document each serves at /openapi.json:
 * a route added to a controller is in the sweeps without anyone listing it.
 */
export async function routeInventory(stack: Stack, services: readonly ServiceName[] = SERVICES): Promise<Route[]> {
  const routes: Route[] = [];
  for (const service of services) {
    const response = await fetch(`${stack.url(service)}/openapi.json`);
    if (!response.ok) throw new Error(`${service}: no OpenAPI document (${response.status})`);
    const document = (await response.json()) as { paths: Record<string, Record<string, OpenApiOperation>> };
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (!METHODS.includes(method)) continue;
        routes.push({
          service,
          method: method.toUpperCase(),
          path,
          public: (operation.security ?? []).some((requirement) => Object.keys(requirement).length === 0),
          takesBody: operation.requestBody !== undefined,
          pathParameters: (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        });
      }
    }
  }
  return routes;
}

export const routeName = (route: Pick<Route, 'method' | 'path'>): string => `${route.method} ${route.path}`;

/** The route's path with its parameters filled in (each value URL-encoded). */
export function fillPath(route: Pick<Route, 'path'>, values: Record<string, string>): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${route.path}`);
    return encodeURIComponent(value);
  });
}

/** The route's path with each of its parameters given `value(parameter)`. */
export function pathWith(route: Pick<Route, 'path' | 'pathParameters'>, value: (parameter: string) => string): string {
  return fillPath(route, Object.fromEntries(route.pathParameters.map((parameter) => [parameter, value(parameter)])));
}

/** The route's path for objects that may exist: a département code for `{code}`, a fresh UUID for any other. */
export function pathToAnyObject(route: Pick<Route, 'path' | 'pathParameters'>): string {
  return pathWith(route, (parameter) => (parameter === 'code' ? '23' : randomUUID()));
}
