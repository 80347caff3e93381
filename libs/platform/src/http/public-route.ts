import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';

export const PUBLIC_ROUTE = 'vigie:public-route';

/**
 * Marks a route that needs no API key (health, documentation). Its OpenAPI operation says so
 * with an empty security requirement, which is how the documents tell public routes apart.
 */
export const PublicRoute = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiSecurity({}));
