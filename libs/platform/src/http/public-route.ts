import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'vigie:public-route';

/** Marks a route that needs no API key (health, documentation). */
export const PublicRoute = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
